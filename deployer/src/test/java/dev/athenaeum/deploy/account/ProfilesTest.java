package dev.athenaeum.deploy.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesTest {

    @Test
    void profilesOfBothFilesAreListedOnce(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [default]
                region = eu-west-1
                [profile work]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = Deployer
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        Path credentials = Files.writeString(dir.resolve("credentials"), """
                [default]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = secret
                [ci]
                aws_access_key_id = AKIAEXAMPLE2
                aws_secret_access_key = secret2
                """);
        assertThat(Profiles.list(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString()), dir.resolve("nohome")))
                .containsExactly("ci", "default", "work");
    }

    @Test
    void theHomeFolderIsTheDefaultAndMissingFilesHaveNoProfiles(@TempDir Path home) throws Exception {
        assertThat(Profiles.list(Map.of(), home)).isEmpty();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = us-east-1\n");
        assertThat(Profiles.list(Map.of(), home)).containsExactly("dev");
    }

    @Test
    void lambdaRegionsComeFromTheSdk() {
        assertThat(LambdaRegions.list()).contains(Region.US_EAST_1, Region.EU_WEST_1, Region.AP_SOUTHEAST_2)
                .doesNotContain(Region.AWS_GLOBAL);
        assertThat(LambdaRegions.parse("eu-west-1")).isEqualTo(Region.EU_WEST_1);
        assertThatThrownBy(() -> LambdaRegions.parse("eu-middle-9")).hasMessageContaining("not a region where Lambda runs");
    }
}
