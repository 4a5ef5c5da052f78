package dev.athenaeum.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: a request, then its whole response, then the next request
 * on the same connection. Small and allocation-light on purpose, so that on a two-core machine the load generator
 * takes as little as possible from the server it measures. Reads {@code Content-Length} and chunked bodies; a
 * response that ends the connection ({@code Connection: close}, or a body up to the end of the stream) closes it,
 * and {@link #isOpen()} then says so. Not thread-safe: one connection per client thread.
 */
final class LoopbackHttp implements Closeable {

    /** A response's status and body. */
    record Response(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String hostHeader;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean open = true;

    LoopbackHttp(String host, int port, int timeoutMillis) throws IOException {
        this.hostHeader = host + ":" + port;
        this.socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 4 * 1024);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    Response get(String path) throws IOException {
        return exchange("GET", path, null);
    }

    Response postJson(String path, byte[] json) throws IOException {
        return exchange("POST", path, json);
    }

    boolean isOpen() {
        return open;
    }

    private Response exchange(String method, String path, byte[] body) throws IOException {
        if (!open) {
            throw new IOException("the connection is closed");
        }
        try {
            StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(hostHeader).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Response readResponse() throws IOException {
        String status = readLine();
        // "HTTP/1.1 200 OK"
        int sp = status.indexOf(' ');
        if (!status.startsWith("HTTP/1.") || sp < 0 || status.length() < sp + 4) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(sp + 1, sp + 4));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = status.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close") || (closeAfter && !value.contains("keep-alive"));
                default -> {
                }
            }
        }
        byte[] bodyBytes;
        if (code == 204 || code == 304 || (code >= 100 && code < 200)) {
            bodyBytes = new byte[0];
        } else if (chunked) {
            bodyBytes = readChunked();
        } else if (length >= 0) {
            bodyBytes = in.readNBytes(Math.toIntExact(length));
            if (bodyBytes.length < length) {
                throw new EOFException("the body ended after " + bodyBytes.length + " of " + length + " bytes");
            }
        } else {
            bodyBytes = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(code, bodyBytes);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
            if (size == 0) {
                // Trailers, if any, end with an empty line.
                while (!readLine().isEmpty()) {
                    // skip
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("a chunk ended after " + chunk.length + " of " + size + " bytes");
            }
            body.write(chunk);
            if (!readLine().isEmpty()) {
                throw new IOException("no line end after a chunk");
            }
        }
    }

    /** A header line without its CRLF (or LF); EOF before any byte is an error. */
    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException(b.isEmpty() ? "the server closed the connection" : "the response ended mid-line");
            }
            if (c == '\n') {
                int len = b.length();
                if (len > 0 && b.charAt(len - 1) == '\r') {
                    b.setLength(len - 1);
                }
                return b.toString();
            }
            if (b.length() > 64 * 1024) {
                throw new IOException("header line too long");
            }
            b.append((char) c);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
