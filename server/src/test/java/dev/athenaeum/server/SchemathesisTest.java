package dev.athenaeum.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based testing of the whole API from its own OpenAPI document: schemathesis generates valid and invalid
 * requests for every operation and checks that no answer is a server error and every answer matches the document
 * (status, content type, schema, Allow headers). Runs against a real index; the chat is the scripted one.
 *
 * <p>Schemathesis is a Python tool: {@code .ci/run} installs it into {@code target/schemathesis} at the repository
 * root. Without it this test is skipped, saying so, except in CI (where {@code CI} is set), which must have it.
 */
class SchemathesisTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path CI_INSTALL = REPO.resolve("target/schemathesis/bin/st");
    static final Path CONFIG = Path.of("src/test/resources/schemathesis.toml");

    @Test
    void theApiConformsToItsOpenApiDocument() throws Exception {
        Optional<Path> st = executable();
        if (st.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("schemathesis is missing in CI: .ci/run must install it into " + CI_INSTALL);
        }
        if (st.isEmpty()) {
            String message = "SKIPPED: schemathesis is not installed; install it with "
                    + "'python3 -m venv target/schemathesis && target/schemathesis/bin/pip install schemathesis' "
                    + "(as .ci/run does) to run the OpenAPI conformance test";
            System.err.println("[SchemathesisTest] " + message);
            Assumptions.abort(message);
        }
        Path work = Files.createDirectories(Path.of("target/schemathesis-run"));
        Path output = work.resolve("output.txt");
        try (TestServer server = TestServer.open(ScriptedChat.answering())) {
            List<String> command = new ArrayList<>(List.of(st.get().toString(),
                    "--config-file", CONFIG.toAbsolutePath().toString(), "run",
                    server.http.url("/openapi.json"),
                    "--max-examples", "40",
                    "--seed", "20261123",
                    "--workers", "1",
                    "--request-timeout", "30",
                    "--max-failures", "20",
                    "--report", "junit",
                    "--report-dir", work.resolve("report").toAbsolutePath().toString()));
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("schemathesis did not finish in 10 minutes; see " + output.toAbsolutePath());
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("schemathesis exit code; its report:%n%s", log).isZero();
            assertThat(log).contains("passed").doesNotContain("Server error");
        }
    }

    /** The copy .ci/run installs, else one on the PATH. */
    static Optional<Path> executable() {
        if (Files.isExecutable(CI_INSTALL)) {
            return Optional.of(CI_INSTALL);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> dirs = Stream.of(path.split(java.io.File.pathSeparator))) {
            return dirs.filter(d -> !d.isBlank()).flatMap(d -> Stream.of(Path.of(d, "st"), Path.of(d, "schemathesis")))
                    .filter(Files::isExecutable).filter(SchemathesisTest::isSchemathesis).findFirst();
        }
    }

    /** "st" is a common name (a statistics tool has it too): ask the program what it is. */
    private static boolean isSchemathesis(Path candidate) {
        try {
            Process p = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("version");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
