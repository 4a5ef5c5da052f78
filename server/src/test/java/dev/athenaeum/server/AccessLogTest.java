package dev.athenaeum.server;

import dev.athenaeum.server.auth.AuthSettings;
import dev.athenaeum.server.http.AccessLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One structured line per request, and never a credential in it. */
class AccessLogTest {

    private static final String KEY = "log-test-key-0123456789-secret";

    @Test
    void logsMethodPathStatusAndDurationButNoCredentials() throws Exception {
        // The build runs this class in a JVM where the access logger is at INFO (the "access-log" execution).
        Assumptions.assumeTrue(LoggerFactory.getLogger(AccessLog.LOGGER).isInfoEnabled(),
                "the access logger is not at INFO in this JVM; the access-log execution runs this test");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        // slf4j-simple looks System.err up for every line, so the lines land here while it is replaced.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (TestServer server = TestServer.start(ServerConfig.builder().auth(new AuthSettings.ApiKey(KEY)),
                ScriptedChat.answering())) {
            server.http.get("/health?token=" + KEY);
            server.http.get("/v1/models", "Authorization", "Bearer " + KEY);
            server.http.postJson("/search", "{\"query\": \"" + KEY + "\"}", "x-api-key", KEY + "-wrong");
            server.http.get("/no/such%20path");
            waitFor(captured, 4);
        } finally {
            System.setErr(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("dev.athenaeum.server.access")).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches(".* - method=GET path=/health status=200 ms=\\d+");
        assertThat(lines.get(1)).matches(".* - method=GET path=/v1/models status=200 ms=\\d+");
        assertThat(lines.get(2)).matches(".* - method=POST path=/search status=401 ms=\\d+");
        // Paths are logged as sent, still percent-encoded: a client cannot forge fields with spaces.
        assertThat(lines.get(3)).matches(".* - method=GET path=/no/such%20path status=404 ms=\\d+");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(KEY, "Bearer");
    }

    /** The line is written after the response is sent, so it may arrive a moment after the client has it. */
    private static void waitFor(ByteArrayOutputStream captured, int lines) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (captured.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("dev.athenaeum.server.access")).count() >= lines) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
