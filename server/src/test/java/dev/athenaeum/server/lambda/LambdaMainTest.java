package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Init failures that need no AWS: each ends as an init error on the Runtime API and a non-zero exit code. */
class LambdaMainTest {

    private static final ServerStarter NEVER = (dir, key) -> {
        throw new AssertionError("the server was started");
    };

    @Test
    void outsideLambdaItExitsAtOnce() {
        assertThat(LambdaMain.run(Map.of(), Optional.of(NEVER), Moto::clients)).isEqualTo(2);
    }

    @Test
    void aConfigurationErrorIsReportedAsInitError() throws Exception {
        try (FakeRuntimeApi runtime = new FakeRuntimeApi()) {
            int code = LambdaMain.run(Map.of("AWS_LAMBDA_RUNTIME_API", runtime.hostPort(), "AWS_REGION", "eu-west-1"),
                    Optional.of(NEVER), Moto::clients);

            assertThat(code).isEqualTo(1);
            FakeRuntimeApi.Posted error = runtime.awaitInitError(Duration.ofSeconds(5));
            assertThat(error.headers().getFirst("Lambda-Runtime-Function-Error-Type"))
                    .isEqualTo("Athenaeum.InvalidConfiguration");
            JsonNode body = Events.json(error.body());
            assertThat(body.get("errorMessage").asText()).startsWith("ATHENAEUM_INDEX_BUCKET is not set").doesNotContain("\n");
        }
    }

    @Test
    void anImageWithoutTheServerSaysSo() throws Exception {
        try (FakeRuntimeApi runtime = new FakeRuntimeApi()) {
            Map<String, String> env = new HashMap<>(Moto.environment(URI.create("http://127.0.0.1:9"),
                    runtime.hostPort(), "kb", "", "/tmp/athenaeum-test/index"));

            assertThat(LambdaMain.run(env, Optional.empty(), Moto::clients)).isEqualTo(1);
            JsonNode body = Events.json(runtime.awaitInitError(Duration.ofSeconds(5)).body());
            assertThat(body.get("errorType").asText()).isEqualTo("Athenaeum.InitFailed");
            assertThat(body.get("errorMessage").asText()).contains("no dev.athenaeum.server.lambda.ServerStarter is registered");
        }
    }
}
