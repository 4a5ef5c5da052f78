package dev.athenaeum.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCacheTest {

    @TempDir
    Path dir;

    private StartupCache cache(Path... jars) {
        String classPath = String.join(File.pathSeparator, java.util.Arrays.stream(jars).map(Path::toString).toList());
        return new StartupCache(dir.resolve("cache/startup.aot"), Path.of("/opt/athenaeum/lib/runtime/bin/java"), classPath,
                List.of("-XX:AOTCache=/home/ada/.athenaeum/cache/startup.aot", "-Dathenaeum.startupCache=/home/ada/x.aot",
                        "-Xlog:cds*=off,aot*=off", "-Djpackage.app-version=0.1.0", "--enable-native-access=ALL-UNNAMED",
                        "-Dathenaeum.home=/opt/athenaeum/lib/app", "-Duser.home=/home/ada"));
    }

    @Test
    void theTrainingRunKeepsTheOptionsTheCacheMustMatchAndGetsAScratchUserFolder() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        List<String> cmd = cache(jar).trainingCommand(dir.resolve("out.aot"), dir.resolve("scratch"));

        assertThat(cmd.get(0)).isEqualTo(Path.of("/opt/athenaeum/lib/runtime/bin/java").toString());
        assertThat(cmd).contains("-XX:AOTCacheOutput=" + dir.resolve("out.aot"), "--enable-native-access=ALL-UNNAMED",
                "-Dathenaeum.home=/opt/athenaeum/lib/app", "-Djpackage.app-version=0.1.0",
                "-Duser.home=" + dir.resolve("scratch"), "-Dglass.platform=Headless");
        assertThat(cmd).noneMatch(o -> o.startsWith("-XX:AOTCache="))
                .noneMatch(o -> o.startsWith("-Dathenaeum.startupCache="))
                .noneMatch(o -> o.equals("-Duser.home=/home/ada"));
        assertThat(cmd.subList(cmd.size() - 4, cmd.size())).containsExactly("-cp", jar.toString(), "dev.athenaeum.cli.Main", "warm-up");
    }

    @Test
    void aCacheIsCurrentOnlyForTheJarsItWasMadeFor() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        StartupCache cache = cache(jar);
        assertThat(cache.isCurrent()).as("no cache yet").isFalse();

        Files.createDirectories(cache.file().getParent());
        Files.writeString(cache.file(), "cache");
        Files.writeString(cache.file().resolveSibling("startup.aot.stamp"), cache.fingerprint());
        assertThat(cache.isCurrent()).isTrue();

        // What the JVM checks: a jar with another time (an update, a reinstall) makes the cache useless.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(cache.isCurrent()).isFalse();
    }

    @Test
    void theFingerprintFollowsSizeAndTimeOfEachJar() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jar"), "jar");
        Path b = Files.writeString(dir.resolve("b.jar"), "other");
        String before = cache(a, b).fingerprint();
        assertThat(cache(a, b).fingerprint()).isEqualTo(before);

        FileTime time = Files.getLastModifiedTime(b);
        Files.writeString(b, "other, longer");
        Files.setLastModifiedTime(b, time);
        assertThat(cache(a, b).fingerprint()).as("size changed").isNotEqualTo(before);
        assertThat(cache(b, a).fingerprint()).as("order is part of a class path").isNotEqualTo(cache(a, b).fingerprint());
    }

    @Test
    void aLaunchLeavesTheCacheToAnotherThatIsMakingIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        StartupCache cache = cache(jar);
        Files.createDirectories(cache.file().getParent());
        Files.writeString(cache.file().resolveSibling("startup.aot.lock"), "");

        assertThat(cache.ensure()).isFalse();
        assertThat(cache.file()).doesNotExist();
    }

    @Test
    void nothingToDoOutsideTheInstalledApp() {
        String before = System.getProperty(StartupCache.PROPERTY);
        try {
            System.clearProperty(StartupCache.PROPERTY);
            assertThat(StartupCache.fromSystem()).isEmpty();
            // The launcher leaves a variable it cannot expand as written.
            System.setProperty(StartupCache.PROPERTY, "$HOME/.athenaeum/cache/startup.aot");
            assertThat(StartupCache.fromSystem()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(StartupCache.PROPERTY);
            } else {
                System.setProperty(StartupCache.PROPERTY, before);
            }
        }
    }
}
