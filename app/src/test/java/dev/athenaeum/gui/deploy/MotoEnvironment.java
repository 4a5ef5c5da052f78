package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.Deployment;
import dev.athenaeum.deploy.account.LambdaRegions;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.server.lambda.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The wizard's AWS calls against moto: every session reaches the emulator with its test keys, except for the
 * profile "nokeys", which has no credentials at all.
 */
public record MotoEnvironment(MotoServer moto, ImageSource image, Optional<String> key) implements DeployEnvironment {

    public static final String NO_KEYS = "nokeys";

    @Override
    public List<String> profiles() {
        return List.of("deploy", NO_KEYS);
    }

    @Override
    public Optional<String> defaultRegion() {
        return Optional.of("eu-west-1");
    }

    @Override
    public AwsSession session(Optional<String> profile, String region) {
        AwsCredentialsProvider credentials = profile.filter(NO_KEYS::equals).isPresent() ? noCredentials()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        return new AwsSession(profile, LambdaRegions.parse(region), Optional.of(moto.endpoint()), credentials);
    }

    @Override
    public Deployment deployment(AwsSession session) {
        return Deployment.standard(session, image);
    }

    @Override
    public Optional<String> openAiKey() {
        return key;
    }

    private static AwsCredentialsProvider noCredentials() {
        try {
            Path empty = Files.createTempFile("athenaeum-no-credentials", "");
            return ProfileCredentialsProvider.builder().profileName(NO_KEYS)
                    .profileFile(ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build()).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
