package dev.athenaeum.deploy.aws;

import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSessionTest {

    private static MotoServer moto;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        moto.close();
    }

    @Test
    void theEndpointOfTheEnvironmentReachesEveryService() {
        AwsSession session = AwsSession.of(Optional.empty(), Region.EU_WEST_1,
                Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString()));
        session = new AwsSession(session.profile(), session.region(), session.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));

        try (var sts = session.sts(); var s3 = session.s3()) {
            assertThat(sts.getCallerIdentity().account()).isNotBlank();
            s3.createBucket(b -> b.bucket("session-test").createBucketConfiguration(
                    c -> c.locationConstraint("eu-west-1")));
            s3.putObject(b -> b.bucket("session-test").key("a/b.txt"), RequestBody.fromString("x"));
            assertThat(s3.listObjectsV2(b -> b.bucket("session-test")).contents()).hasSize(1);
        }
    }

    @Test
    void aMalformedEndpointIsNamedInTheError() {
        assertThatThrownBy(() -> AwsSession.of(Optional.empty(), Region.EU_WEST_1, Map.of("AWS_ENDPOINT_URL", "http://a b")))
                .hasMessage("AWS_ENDPOINT_URL is not a URL: http://a b");
    }

    @Test
    void withoutAnEndpointTheClientsAimAtAws() {
        AwsSession session = AwsSession.of(Optional.of("someone"), Region.US_EAST_1, Map.of());
        assertThat(session.endpoint()).isEmpty();
        assertThat(session.profile()).contains("someone");
        assertThat(session.endpoint().map(URI::toString)).isEmpty();
    }
}
