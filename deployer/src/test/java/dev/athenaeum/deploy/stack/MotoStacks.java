package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.server.lambda.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The deployer's view of moto, and what the tests' deployments are made of. */
final class MotoStacks {

    static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum@sha256:"
            + "3f6a9c1e2b7d4f8a0c5e9b1d3f7a2c6e8b0d4f9a1c3e5b7d9f2a4c6e8b0d1f3a";

    private MotoStacks() {
    }

    static AwsSession session(MotoServer moto) {
        return new AwsSession(Optional.empty(), Region.EU_WEST_1, Optional.of(moto.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    static DeploymentSettings.Builder settings(String name) {
        return DeploymentSettings.builder().name(name).imageUri(IMAGE);
    }

    /** Remembers what a deployment reported. */
    static final class Recorder implements StackListener {
        final List<String> steps = new ArrayList<>();
        final List<StackEvent> events = new ArrayList<>();

        @Override
        public void onStep(String step) {
            steps.add(step);
        }

        @Override
        public void onEvent(StackEvent event) {
            events.add(event);
        }
    }
}
