package dev.athenaeum.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link BuildInChildProcess} running in its own JVM (same JDK and class path as the tests), whose output lines
 * can be awaited, and which can be killed like a crashed process ({@link Process#destroyForcibly()}).
 */
final class ChildBuild implements AutoCloseable {

    /** Only a guard against a hung child; no test asserts on time. */
    private static final long LINE_WAIT_SECONDS = 300;
    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    private ChildBuild(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    seen.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child was killed; its pipe closes.
            } finally {
                lines.add(END);
            }
        }, "child-build-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a child build; with {@code pausePhase} it stops (sleeps) at that phase's {@code pauseStep}. */
    static ChildBuild start(Path corpus, Path indexDir, String pausePhase, int pauseStep) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector",
                "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                BuildInChildProcess.class.getName(),
                corpus.toString(), indexDir.toString()));
        if (pausePhase != null) {
            cmd.add(pausePhase);
            cmd.add(Integer.toString(pauseStep));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        return new ChildBuild(pb.start());
    }

    /** Waits for the first output line that matches; fails with the child's output if it ends first. */
    String await(Predicate<String> wanted, String what) throws InterruptedException {
        while (true) {
            String line = lines.poll(LINE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the child build never reported " + what + "; its output:\n" + output());
            }
            if (line.equals(END)) {
                throw new AssertionError("the child build ended before reporting " + what + "; its output:\n" + output());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Waits for a progress line of {@code phase}, e.g. {@code EMBEDDING}. */
    String awaitPhase(String phase) throws InterruptedException {
        return await(l -> l.startsWith("PROGRESS " + phase + " "), "phase " + phase);
    }

    String awaitPaused() throws InterruptedException {
        return await(l -> l.equals("PAUSED"), "PAUSED");
    }

    /** Waits for a normal end; returns the exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(LINE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child build did not finish; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** Kills the child at once, as a crash or power loss of the process would (no shutdown hooks, no cleanup). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(LINE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child build could not be killed");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        synchronized (seen) {
            return String.join("\n", seen);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
