package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.Deployment;
import dev.athenaeum.deploy.account.LambdaRegions;
import dev.athenaeum.deploy.account.Profiles;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.image.ImageSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the wizard's AWS calls go: the profiles to offer, a session for a profile and region, and the deployment
 * over a session. The workbench uses the process's environment (so {@code AWS_ENDPOINT_URL} and
 * {@code ATHENAEUM_IMAGE_REGISTRY} work as on the command line); tests hand in their own.
 */
public interface DeployEnvironment {

    List<String> profiles();

    /** The region to preselect: AWS_REGION or AWS_DEFAULT_REGION when set, else empty. */
    Optional<String> defaultRegion();

    AwsSession session(Optional<String> profile, String region);

    Deployment deployment(AwsSession session);

    /** The OpenAI key to store for a deployed chat, if the user has one. */
    Optional<String> openAiKey() throws IOException;

    static DeployEnvironment of(Map<String, String> env, Path home, KeySource keys) {
        return new DeployEnvironment() {
            @Override
            public List<String> profiles() {
                return Profiles.list(env, home);
            }

            @Override
            public Optional<String> defaultRegion() {
                return Optional.ofNullable(env.get("AWS_REGION")).or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
                        .filter(s -> !s.isBlank());
            }

            @Override
            public AwsSession session(Optional<String> profile, String region) {
                return AwsSession.of(profile, LambdaRegions.parse(region), env);
            }

            @Override
            public Deployment deployment(AwsSession session) {
                return Deployment.standard(session, ImageSource.of(null, env));
            }

            @Override
            public Optional<String> openAiKey() throws IOException {
                return keys.openAiKey();
            }
        };
    }

    /** Where the workbench keeps the OpenAI key. */
    @FunctionalInterface
    interface KeySource {
        Optional<String> openAiKey() throws IOException;
    }
}
