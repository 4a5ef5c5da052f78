package dev.athenaeum.deploy.template;

import dev.athenaeum.chat.ChatProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentSettingsTest {

    @Test
    void namesFollowTheStackAndEnvironment() {
        DeploymentSettings s = Settings.base().environment(Environment.PROD).build();
        assertThat(s.stackName()).isEqualTo("athenaeum-notes-prod");
        assertThat(s.functionName()).isEqualTo("athenaeum-notes-prod");
        assertThat(s.secretName()).isEqualTo("athenaeum/notes/prod/openai-api-key");
        assertThat(s.streamingFunctionName()).isEmpty();
    }

    @Test
    void wrongValuesAreRefusedInOneLine() {
        assertThatThrownBy(() -> Settings.base().name("My Notes").build()).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> Settings.base().memoryMb(64).build())
                .hasMessage("the memory must be between 128 and 10240 MB, not 64");
        assertThatThrownBy(() -> Settings.base().frontDoor(FrontDoor.FUNCTION_URL).timeoutSeconds(901).build())
                .hasMessage("the timeout must be between 1 and 900 s, not 901");
        assertThatThrownBy(() -> Settings.base().ephemeralStorageMb(256).build())
                .hasMessage("the ephemeral storage must be between 512 and 10240 MB, not 256");
        assertThatThrownBy(() -> Settings.base().corsOrigins(List.of("https://app.example.com/path")).build())
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> Settings.base().chatProvider(ChatProvider.OPENAI).build())
                .hasMessageContaining("needs an OpenAI key");
        assertThatThrownBy(() -> Settings.base().logRetentionDays(10).build()).hasMessageContaining("retention");
        assertThatThrownBy(() -> Settings.base().bucketName("Bad_Bucket").build()).hasMessageContaining("bucket name");
    }

    @Test
    void theHttpApiTimeoutLimitIsExplained() {
        assertThatThrownBy(() -> Settings.base().frontDoor(FrontDoor.HTTP_API).timeoutSeconds(120).build())
                .hasMessageContaining("API Gateway gives up after 30 s").hasMessageContaining("function-url");
        DeploymentSettings both = Settings.base().frontDoor(FrontDoor.BOTH).timeoutSeconds(120).build();
        assertThat(both.warnings()).anySatisfy(w -> assertThat(w).contains("30 s"));
        assertThat(Settings.base().frontDoor(FrontDoor.FUNCTION_URL).timeoutSeconds(900).build().timeoutSeconds())
                .isEqualTo(900);
    }

    @Test
    void imagesAreDeployedByDigestOnly() {
        assertThatThrownBy(() -> Settings.base().imageUri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum:latest"))
                .hasMessageContaining("names a tag, not a digest");
        assertThatThrownBy(() -> Settings.base().imageUri("repo@sha256:abc")).hasMessageContaining("64 hex digits");
        assertThat(Settings.base().build().imageUri().value()).isEqualTo(Settings.IMAGE);
    }

    @Test
    void jwtNeedsHttpsAndAnAudience() {
        assertThatThrownBy(() -> JwtAuth.of("http://id.example.com/", "a", "https://id.example.com/jwks"))
                .hasMessage("the JWT issuer must be an https URL, not http://id.example.com/");
        assertThatThrownBy(() -> JwtAuth.of("https://id.example.com/", " ", "https://id.example.com/jwks"))
                .hasMessageContaining("audience");
    }

    @Test
    void aCopyWithOneChangeKeepsTheRest() {
        DeploymentSettings s = Settings.base().jwt(Settings.jwt()).build();
        DeploymentSettings bigger = DeploymentSettings.builder().from(s).memoryMb(4096).build();
        assertThat(bigger).isEqualTo(new DeploymentSettings(s.name(), s.environment(), 4096, s.timeoutSeconds(),
                s.ephemeralStorageMb(), s.architecture(), s.imageUri(), s.jwt(), s.frontDoor(), s.corsOrigins(),
                s.chatProvider(), s.chatModel(), s.chatBaseUrl(), s.openAiKeySecret(), s.bucketName(),
                s.logRetentionDays(), s.bucketVersioning()));
    }
}
