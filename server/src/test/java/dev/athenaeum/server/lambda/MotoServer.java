package dev.athenaeum.server.lambda;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * moto's stand-alone server, an offline emulator of S3 and Secrets Manager, started as a child process on a free
 * port. A missing moto fails the test with the command that installs it: CI installs it, and a skipped test would
 * hide that the S3 download was never exercised.
 */
public final class MotoServer implements AutoCloseable {

    public static final String INSTALL = "python3 -m pip install 'moto[server]'";

    private final Process process;
    private final Path log;
    private final int port;

    private MotoServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static MotoServer start() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("moto-", ".log");
        List<String> command = new ArrayList<>(command());
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer moto = new MotoServer(p, log, port);
        moto.awaitReady(Duration.ofSeconds(60));
        return moto;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** moto_server on the PATH, else the same program as a Python module (a fresh pip install may lack the shim). */
    private static List<String> command() throws IOException, InterruptedException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "moto_server"))) {
                return List.of(Path.of(dir, "moto_server").toString());
            }
        }
        try {
            Process check = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true).start();
            if (check.waitFor() == 0) {
                return List.of("python3", "-m", "moto.server");
            }
        } catch (IOException e) {
            // No python3 at all: the message below says what to install.
        }
        throw new AssertionError("moto is not installed, and these tests need its S3 and Secrets Manager emulator:"
                + " install it with  " + INSTALL);
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(endpoint().resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("moto_server exited at start (code " + process.exitValue() + "): "
                        + Files.readString(log) + "\nReinstall it with  " + INSTALL);
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("moto_server did not answer within " + limit.toSeconds() + " s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
