package dev.athenaeum.server.lambda;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple prints (it looks up System.err at every write), while still passing it through.
 */
final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** The first captured line containing {@code marker}, waiting for it a little: logs are written after replies. */
    String awaitLine(String marker) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            for (String line : text().split("\n")) {
                if (line.contains(marker)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line contains " + marker + "; the log was:\n" + text());
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
