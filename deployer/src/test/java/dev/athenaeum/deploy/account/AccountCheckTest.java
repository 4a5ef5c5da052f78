package dev.athenaeum.deploy.account;

import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountCheckTest {

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
    void theIdentityComesFromSts() {
        Identity id = AccountCheck.verify(session(Optional.of(moto.endpoint()), keys()));
        assertThat(id.account()).matches("[0-9]{12}");
        assertThat(id.arn()).startsWith("arn:aws:sts::" + id.account() + ":");
        assertThat(id.userId()).isNotBlank();
        assertThat(id.displayName()).isNotBlank().doesNotContain(":");
    }

    @Test
    void missingCredentialsSayHowToConfigureThem(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"), "[other]\naws_access_key_id = AKIAEXAMPLE\n"
                + "aws_secret_access_key = secret\n");
        var provider = ProfileCredentialsProvider.builder().profileName("deploy")
                .profileFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build()).build();
        assertThatThrownBy(() -> AccountCheck.verify(session(Optional.of(moto.endpoint()), provider)))
                .isInstanceOf(AccountException.class)
                .hasMessageStartingWith("no AWS credentials found: configure a profile")
                .hasMessageContaining("aws sso login");
    }

    @Test
    void anUnreachableEndpointIsNamed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed);
        assertThatThrownBy(() -> AccountCheck.verify(session(Optional.of(nowhere), keys())))
                .isInstanceOf(AccountException.class)
                .hasMessageStartingWith("cannot reach AWS to check the credentials with STS")
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void serviceRefusalsBecomePlainAdvice() {
        // AWS answers these only to real, broken credentials, which an emulator does not have: the mapping alone.
        assertThat(AwsErrors.explain(refusal("ExpiredToken", "The security token included in the request is expired"),
                "check the credentials with STS", "sts:GetCallerIdentity"))
                .isEqualTo("the AWS session has expired: sign in again (aws sso login, or new temporary credentials)");
        assertThat(AwsErrors.explain(refusal("InvalidClientTokenId", "The security token is invalid"), "x", "y"))
                .startsWith("AWS does not know these access keys");
        var denied = CloudFormationException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDenied").errorMessage("User: arn:aws:iam::1:user/a is not authorized").build()).build();
        assertThat(AwsErrors.explain(denied, "create the change set", "cloudformation:CreateChangeSet"))
                .isEqualTo("not allowed to create the change set: the credentials need the IAM permission"
                        + " cloudformation:CreateChangeSet (AWS said: User: arn:aws:iam::1:user/a is not authorized)");
    }

    private static StsException refusal(String code, String message) {
        return (StsException) StsException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static StaticCredentialsProvider keys() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    private static AwsSession session(Optional<URI> endpoint, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider c) {
        return new AwsSession(Optional.empty(), Region.EU_WEST_1, endpoint, c);
    }
}
