package dev.athenaeum.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process started for a benchmark, with its output in a log file. The clock starts just before the process
 * is started; {@link #awaitStatus200} polls an endpoint until it answers 200 and says how long that took.
 */
final class ServerProcess implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final long POLL_MILLIS = 5;

    private final Process process;
    private final long launchedNanos;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, long launchedNanos, int port, Path log) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code command} with {@code env} added to this process's environment, output to {@code log}. */
    static ServerProcess start(List<String> command, Map<String, String> env, int port, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new ServerProcess(p, t0, port, log);
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    /** A port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    double millisSinceStart(long nanos) {
        return (nanos - launchedNanos) / 1e6;
    }

    /**
     * Polls {@code path} (GET, or POST of {@code json} when it is not null) every few milliseconds until it answers
     * 200; returns the milliseconds from the process start to that answer.
     */
    double awaitStatus200(String path, byte[] json, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server stopped (exit code " + process.exitValue() + "); its output:\n"
                        + tail(20));
            }
            try (LoopbackHttp http = new LoopbackHttp(HOST, port, (int) Math.max(1000, timeout.toMillis()))) {
                LoopbackHttp.Response r = json == null ? http.get(path) : http.postJson(path, json);
                long now = System.nanoTime();
                if (r.status() == 200) {
                    return millisSinceStart(now);
                }
                last = "HTTP " + r.status() + ": " + r.text();
            } catch (ConnectException notYet) {
                last = "connection refused";
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IOException("no 200 from " + path + " within " + timeout.toSeconds() + " s (last: " + last
                + "); the server's output:\n" + tail(20));
    }

    ProcStatus status() throws IOException {
        return ProcStatus.read(process.pid());
    }

    /** The last {@code lines} lines of the server's output. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops the server as Ctrl-C does and waits for it to exit (killing it after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
