package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The ECR control plane against moto: repository, lifecycle policy, login, deletion. */
class EcrRegistryTest {

    private static MotoServer moto;
    private static EcrClient ecr;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        ecr = new AwsSession(Optional.empty(), Region.EU_WEST_1, Optional.of(moto.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).ecr();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (ecr != null) {
            ecr.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void theRepositoryIsCreatedOnceScannedOnPushAndExpiresOldImages() {
        EcrRegistry registry = new EcrRegistry(ecr);

        EcrRegistry.EcrRepository first = registry.ensureRepository("athenaeum/dev", 10);
        EcrRegistry.EcrRepository second = registry.ensureRepository("athenaeum/dev", 5);

        assertThat(second).isEqualTo(first);
        assertThat(first.uri()).endsWith(".dkr.ecr.eu-west-1.amazonaws.com/athenaeum/dev");
        var described = ecr.describeRepositories(r -> r.repositoryNames("athenaeum/dev")).repositories();
        assertThat(described).hasSize(1);
        assertThat(described.getFirst().imageScanningConfiguration().scanOnPush()).isTrue();
        String policy = ecr.getLifecyclePolicy(r -> r.repositoryName("athenaeum/dev")).lifecyclePolicyText();
        assertThat(policy).contains("\"countNumber\": 5").contains("imageCountMoreThan");
    }

    @Test
    void theLoginIsTheDecodedTokensUserAndPassword() {
        RegistryCredentials login = new EcrRegistry(ecr).credentials();
        assertThat(login.username()).isEqualTo("AWS");
        assertThat(login.password()).isNotBlank().doesNotContain(":");
        assertThat(login.toString()).doesNotContain(login.password());
    }

    @Test
    void deletingARepositoryIsIdempotent() {
        EcrRegistry registry = new EcrRegistry(ecr);
        registry.ensureRepository("athenaeum/gone", 3);
        assertThat(registry.deleteImages("athenaeum/gone")).isZero();
        assertThat(registry.deleteRepository("athenaeum/gone")).isTrue();
        assertThat(registry.deleteRepository("athenaeum/gone")).isFalse();
        assertThat(ecr.describeRepositories().repositories()).noneMatch(r -> r.repositoryName().equals("athenaeum/gone"));
    }
}
