package dev.athenaeum.server.lambda;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI key from Secrets Manager (moto), in both forms the secret may take. */
class OpenAiKeySecretTest {

    private static MotoServer moto;
    private static AwsClients aws;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        aws = Moto.clients(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    private static String createSecret(String name, String value) {
        try (SecretsManagerClient sm = aws.secretsManager()) {
            return sm.createSecret(r -> r.name(name).secretString(value)).arn();
        }
    }

    private static LambdaConfig.Builder config() {
        return LambdaConfig.builder().index(new IndexSource("b", "")).indexDir(Path.of("/tmp/athenaeum/index"))
                .aws(Moto.settings(moto.endpoint()));
    }

    private static Optional<ApiKey> resolve(String arn) {
        return OpenAiKeyResolver.resolve(config().openAiKeySecretArn(arn).build(), aws::secretsManager);
    }

    @Test
    void readsABareKey() {
        String arn = createSecret("athenaeum/openai-raw", "sk-raw-0123456789\n");

        assertThat(resolve(arn)).map(ApiKey::value).contains("sk-raw-0123456789");
    }

    @Test
    void readsTheKeyFieldOfAJsonSecret() {
        String arn = createSecret("athenaeum/openai-json", "{\"OPENAI_API_KEY\": \"sk-json-abcdef\", \"other\": 1}");

        assertThat(arn).startsWith("arn:aws:secretsmanager:" + Moto.REGION + ":");
        assertThat(resolve(arn)).map(ApiKey::value).contains("sk-json-abcdef");
    }

    @Test
    void aJsonSecretWithoutTheFieldIsRefusedWithoutShowingIt() {
        String arn = createSecret("athenaeum/openai-wrong-field", "{\"api_key\": \"sk-hidden-value\"}");

        assertThatThrownBy(() -> resolve(arn)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the secret " + arn + " is JSON without a non-empty string field OPENAI_API_KEY")
                .message().doesNotContain("sk-hidden-value");
        String broken = createSecret("athenaeum/openai-broken-json", "{\"OPENAI_API_KEY\": \"sk-hidden-value\"");
        assertThatThrownBy(() -> resolve(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid JSON").message().doesNotContain("sk-hidden-value");
    }

    @Test
    void anUnknownSecretNamesTheArn() {
        String arn = "arn:aws:secretsmanager:" + Moto.REGION + ":123456789012:secret:athenaeum/absent-AbCdEf";

        assertThatThrownBy(() -> resolve(arn)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the secret OPENAI_API_KEY_SECRET_ARN names (" + arn + "): ");
    }

    @Test
    void aKeyInTheEnvironmentNeedsNoSecretsManager() {
        LambdaConfig config = config().openAiKey(new ApiKey("sk-env")).build();

        assertThat(OpenAiKeyResolver.resolve(config, () -> {
            throw new AssertionError("Secrets Manager was called");
        })).map(ApiKey::value).contains("sk-env");
        assertThat(OpenAiKeyResolver.resolve(config().build(), () -> {
            throw new AssertionError("Secrets Manager was called");
        })).isEmpty();
    }
}
