package dev.athenaeum.server.lambda;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaConfigTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1", "ATHENAEUM_INDEX_BUCKET", "kb-bucket"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void defaultsFitADeployedFunction() {
        LambdaConfig c = LambdaConfig.fromEnvironment(env());

        assertThat(c.index()).isEqualTo(new IndexSource("kb-bucket", ""));
        assertThat(c.indexDir()).isEqualTo(Path.of("/tmp/athenaeum/index"));
        assertThat(c.aws().s3Endpoint()).isEmpty();
        assertThat(c.aws().forcePathStyle()).isFalse();
        assertThat(c.responseStreaming()).isFalse();
        assertThat(c.openAiKey()).isEmpty();
        assertThat(c.openAiKeySecretArn()).isEmpty();
        assertThat(c.downloadThreads()).isEqualTo(LambdaConfig.DEFAULT_DOWNLOAD_THREADS);
    }

    @Test
    void anEmulatorEndpointTurnsOnPathStyleUnlessToldOtherwise() {
        LambdaConfig c = LambdaConfig.fromEnvironment(env("AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000", "ATHENAEUM_INDEX_PREFIX", "/kb/v3/"));

        assertThat(c.aws().s3Endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(c.aws().secretsEndpoint()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(c.aws().forcePathStyle()).isTrue();
        assertThat(c.index().key("manifest.json")).isEqualTo("kb/v3/manifest.json");
        assertThat(LambdaConfig.fromEnvironment(env("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000",
                "ATHENAEUM_S3_FORCE_PATH_STYLE", "false")).aws().forcePathStyle()).isFalse();
    }

    @Test
    void wrongValuesAreNamed() {
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .hasMessageContaining("ATHENAEUM_INDEX_BUCKET is not set");
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("AWS_REGION", " ")))
                .hasMessageContaining("AWS_REGION is not set");
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ATHENAEUM_RESPONSE_STREAMING", "yes")))
                .hasMessage("ATHENAEUM_RESPONSE_STREAMING must be true or false, not yes");
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ATHENAEUM_DOWNLOAD_THREADS", "0")))
                .hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("AWS_ENDPOINT_URL", "localhost:4566")))
                .hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("ATHENAEUM_INDEX_DIR", "/tmp")))
                .hasMessageContaining("too close to the file system root");
        assertThatThrownBy(() -> LambdaConfig.fromEnvironment(env("OPENAI_API_KEY", "sk-1",
                "OPENAI_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:x")))
                .hasMessage("both OPENAI_API_KEY and OPENAI_API_KEY_SECRET_ARN are set: set one");
    }

    @Test
    void theKeyNeverShowsInTextForms() {
        LambdaConfig c = LambdaConfig.fromEnvironment(env("OPENAI_API_KEY", "sk-live-secret-value",
                "ATHENAEUM_RESPONSE_STREAMING", "TRUE"));

        assertThat(c.openAiKey()).map(ApiKey::value).contains("sk-live-secret-value");
        assertThat(c.toString()).doesNotContain("sk-live-secret-value").contains("ApiKey[redacted]");
        assertThat(c.responseStreaming()).isTrue();
    }
}
