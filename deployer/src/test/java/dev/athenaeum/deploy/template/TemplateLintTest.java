package dev.athenaeum.deploy.template;

import dev.athenaeum.chat.ChatProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template variant (auth none/jwt × each front door × each architecture) passes the real cfn-lint, which
 * knows each resource type's schema and AWS's rules. One cfn-lint run lints them all: each start costs seconds.
 */
class TemplateLintTest {

    @Test
    void cfnLintAcceptsEveryVariant(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(cfnLint(), "--format", "parseable", "--"));
        for (boolean jwt : new boolean[]{false, true}) {
            for (FrontDoor door : FrontDoor.values()) {
                for (Architecture arch : Architecture.values()) {
                    Path file = dir.resolve((jwt ? "jwt" : "open") + "-" + door.id() + "-" + arch.lambdaName() + ".json");
                    Files.writeString(file, TemplateGenerator.generate(settings(jwt, door, arch)).json());
                    command.add(file.toString());
                }
            }
        }
        assertThat(command).hasSize(4 + 12);

        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("cfn-lint findings").isEmpty();
        assertThat(p.exitValue()).as("cfn-lint exit code").isZero();
    }

    @Test
    void cfnLintWouldReportAMistake(@TempDir Path dir) throws Exception {
        // Guards the test above against a cfn-lint that accepts anything (or lints nothing).
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) TemplateGenerator.generate(Settings.base().build()).tree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("Resources").path("Function").path("Properties"))
                .set("Architectures", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("sparc"));
        Path file = dir.resolve("broken.json");
        Files.writeString(file, tree.toPrettyString());
        Process p = new ProcessBuilder(cfnLint(), "--format", "parseable", "--", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(out).contains("broken.json").contains("sparc");
    }

    private static DeploymentSettings settings(boolean jwt, FrontDoor door, Architecture arch) {
        var b = Settings.base().frontDoor(door).architecture(arch)
                .timeoutSeconds(door == FrontDoor.HTTP_API ? 30 : 300)
                .corsOrigins(List.of("https://app.example.com"));
        if (jwt) {
            // The richest variants also carry the secret, a fixed bucket name and versioning.
            b.jwt(Settings.jwt()).openAiKeySecret(true).chatProvider(ChatProvider.OPENAI).chatModel("gpt-4o-mini")
                    .bucketName("athenaeum-notes-index-123456789012").bucketVersioning(true);
        }
        return b.build();
    }

    static String cfnLint() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "cfn-lint"))) {
                return Path.of(d, "cfn-lint").toString();
            }
        }
        throw new AssertionError("cfn-lint is not on the PATH, and these tests lint every template with it:"
                + " install it with  python3 -m pip install cfn-lint  (.ci/run does)");
    }
}
