package dev.athenaeum.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HomeTest {

    @TempDir
    Path dir;

    @Test
    void aCheckoutKeepsTheSampleIndexBesideTheGuide() {
        Home home = new Home(dir.resolve("checkout"));
        dir.resolve("checkout").toFile().mkdirs();

        assertThat(home.sampleIndex(dir.resolve("user"))).isEqualTo(dir.resolve("checkout/.athenaeum/sample-index"));
    }

    @Test
    void aReadOnlyInstallationKeepsItInTheUsersFolder() throws Exception {
        // Nothing can be created below a regular file: the stand-in for /opt/athenaeum seen by a normal user.
        Path installed = Files.writeString(dir.resolve("installed"), "").resolve("lib/app");
        Home home = new Home(installed);

        assertThat(home.sampleIndex(dir.resolve("user"))).isEqualTo(dir.resolve("user/.athenaeum/sample-index"));
    }
}
