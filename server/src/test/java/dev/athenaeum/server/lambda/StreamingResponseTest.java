package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Function URLs with {@code InvokeMode: RESPONSE_STREAM}: the answer goes to the Runtime API as a chunked
 * http-integration-response, so an SSE chat stream reaches the client event by event.
 */
class StreamingResponseTest {

    @Test
    void sseChatStreamsThroughWithPreludeAndNulSeparator() throws Exception {
        try (StandInServer server = new StandInServer();
             RunningFunction function = RunningFunction.serving(server.port(), true)) {
            // Each SSE event is only written once the previous one reached the Runtime API: buffering anywhere
            // between the two would stall the stream and fail the test.
            AtomicReference<Throwable> stalled = new AtomicReference<>();
            server.sseGate(sent -> {
                try {
                    function.runtime.awaitReceived(StandInServer.SSE_EVENTS.get(sent - 1), Duration.ofSeconds(10));
                } catch (Throwable t) {
                    stalled.compareAndSet(null, t);
                }
            });

            FakeRuntimeApi.Posted posted = function.runtime.invoke(Events.load("function-url-chat.json"));

            assertThat(stalled.get()).as("an SSE event was held back").isNull();
            assertThat(posted.kind()).isEqualTo("response");
            assertThat(posted.headers().getFirst("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
            assertThat(posted.headers().getFirst("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
            assertThat(posted.headers().getFirst("Content-Type"))
                    .isEqualTo("application/vnd.awslambda.http-integration-response");
            assertThat(posted.reads().size()).as("reads of the posted body").isGreaterThanOrEqualTo(StandInServer.SSE_EVENTS.size());

            Split split = split(posted.body());
            JsonNode prelude = Events.json(split.prelude);
            assertThat(prelude.get("statusCode").asInt()).isEqualTo(200);
            assertThat(prelude.get("headers").get("content-type").asText()).isEqualTo("text/event-stream");
            assertThat(prelude.get("headers").get("cache-control").asText()).isEqualTo("no-cache");
            assertThat(prelude.get("headers").has("transfer-encoding")).isFalse();
            assertThat(prelude.get("cookies").isArray()).isTrue();
            assertThat(new String(split.body, StandardCharsets.UTF_8)).isEqualTo(String.join("", StandInServer.SSE_EVENTS));

            StandInServer.Received got = server.lastRequest();
            assertThat(got.header("Accept")).isEqualTo("text/event-stream");
            assertThat(new String(got.body(), StandardCharsets.UTF_8)).contains("How do I publish?");
        }
    }

    @Test
    void anUnreachableServerStreamsA502Prelude() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RunningFunction function = RunningFunction.serving(closedPort, true)) {
            Split split = split(function.runtime.invoke(Events.load("function-url-chat.json")).body());

            assertThat(Events.json(split.prelude).get("statusCode").asInt()).isEqualTo(502);
            assertThat(Events.json(split.body).get("error").get("type").asText()).isEqualTo("server_error");
        }
    }

    private record Split(byte[] prelude, byte[] body) {
    }

    /** Splits at the first run of 8 NUL bytes, as Lambda does. */
    private static Split split(byte[] all) {
        for (int i = 0; i + 8 <= all.length; i++) {
            if (Arrays.equals(all, i, i + 8, new byte[8], 0, 8)) {
                return new Split(Arrays.copyOf(all, i), Arrays.copyOfRange(all, i + 8, all.length));
            }
        }
        throw new AssertionError("no 8-NUL separator in: " + new String(all, StandardCharsets.UTF_8));
    }
}
