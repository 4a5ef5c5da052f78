package dev.athenaeum.app;

import dev.athenaeum.index.FileTrees;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The installed app's start-up cache (a Java 25 ahead-of-time cache). The launcher's {@code .cfg} points the JVM at
 * a file in the user's folder ({@code -XX:AOTCache=$HOME/…}, the same path in {@value #PROPERTY}); while that file
 * is missing or made for other jars, the workbench makes it in the background with a training run (the hidden
 * {@code warm-up} command) in a child JVM, so the next launch starts from it.
 *
 * <p>Made on the user's machine rather than when packaging, because the JVM matches a cache to its jars by size and
 * modification time and installers do not keep the times of the files they are built from.
 */
public final class StartupCache {

    /** Where the launcher expects the cache; absent (nothing to do) outside the installed app. */
    public static final String PROPERTY = "athenaeum.startupCache";
    /** A training run that seems to be under way is left alone this long, then taken to have died. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(10);
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(5);

    private final Path cache;
    private final Path launcher;
    private final String classPath;
    private final List<String> jvmOptions;

    StartupCache(Path cache, Path java, String classPath, List<String> jvmOptions) {
        this.cache = cache;
        this.launcher = java;
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** This process's cache, or none outside the installed app or before Java 25. */
    public static Optional<StartupCache> fromSystem() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank() || path.contains("$") || Runtime.version().feature() < 25) {
            return Optional.empty();
        }
        Path home = Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        return Optional.of(new StartupCache(Path.of(path), java, System.getProperty("java.class.path"),
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    public Path file() {
        return cache;
    }

    /** Whether the cache was made for exactly these jars and this runtime. */
    public boolean isCurrent() throws IOException {
        Path stamp = stampFile();
        return Files.isRegularFile(cache) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint());
    }

    /**
     * Makes the cache unless it is current, on a background thread, after {@code delay}: the training run keeps a
     * core busy for a while, which the first minutes of a launch (opening, a first search) should not share.
     */
    public void ensureInBackground(Duration delay) {
        Thread.ofPlatform().daemon().name("athenaeum-startup-cache").start(() -> {
            try {
                if (isCurrent()) {
                    return;
                }
                Thread.sleep(delay);
                ensure();
            } catch (IOException | RuntimeException e) {
                // Only start-up speed is at stake: the next launch tries again.
                System.getLogger(StartupCache.class.getName()).log(System.Logger.Level.INFO,
                        "start-up cache not made: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Makes the cache unless it is current or another launch is making it. Returns whether a current cache is in
     * place afterwards.
     */
    public boolean ensure() throws IOException, InterruptedException {
        if (isCurrent()) {
            return true;
        }
        Files.createDirectories(cache.getParent());
        Path lock = cache.resolveSibling(cache.getFileName() + ".lock");
        if (!acquire(lock)) {
            return false;
        }
        Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
        Path scratch = Files.createTempDirectory("athenaeum-startup-cache");
        try {
            Files.deleteIfExists(partial);
            Process p = new ProcessBuilder(trainingCommand(partial, scratch))
                    .redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("training.log").toFile())
                    .start();
            if (!p.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the training run took longer than " + TRAINING_LIMIT.toMinutes() + " minutes");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(partial)) {
                throw new IOException("the training run failed (exit code " + p.exitValue() + ")");
            }
            // The stamp goes first: a cache beside an old stamp would be made again, never trusted wrongly.
            Files.writeString(stampFile(), fingerprint());
            move(partial, cache);
            return true;
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(lock);
            FileTrees.delete(scratch);
        }
    }

    /**
     * The training JVM: this one's options (those the cache must match, such as native access) without the ones
     * that name the cache or the user's folder, which the training run gets a scratch one for.
     */
    List<String> trainingCommand(Path output, Path scratchHome) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.add("-XX:AOTCacheOutput=" + output);
        for (String option : jvmOptions) {
            if (!option.startsWith("-XX:AOTCache") && !option.startsWith("-XX:AOTMode") && !option.startsWith("-Xlog:")
                    && !option.startsWith("-Duser.home=") && !option.startsWith("-D" + PROPERTY + "=")
                    && !option.startsWith("-Dathenaeum.startupProbe=")) {
                cmd.add(option);
            }
        }
        cmd.addAll(List.of("-Xlog:cds*=off,aot*=off", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Duser.home=" + scratchHome, "-cp", classPath, "dev.athenaeum.cli.Main", "warm-up"));
        return cmd;
    }

    /** The runtime and every class path entry by name, size and time: what the JVM checks a cache against. */
    String fingerprint() throws IOException {
        StringBuilder s = new StringBuilder(Runtime.version().toString()).append('\n').append(launcher).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p)) {
                s.append(p.getFileName()).append(' ').append(Files.size(p)).append(' ')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            } else {
                s.append(entry).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path stampFile() {
        return cache.resolveSibling(cache.getFileName() + ".stamp");
    }

    private static boolean acquire(Path lock) throws IOException {
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            FileTime made = Files.getLastModifiedTime(lock);
            if (made.toInstant().isAfter(Instant.now().minus(STALE_LOCK))) {
                return false;
            }
            Files.deleteIfExists(lock);
            return acquire(lock);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
