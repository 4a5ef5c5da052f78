package dev.athenaeum.cli;

import dev.athenaeum.deploy.account.LambdaRegions;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.Environment;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Which stack, where and as whom: shared by deploy and destroy. */
final class StackOptions {

    @Option(names = {"--stack", "--name"}, required = true, paramLabel = "NAME",
            description = "The knowledge base's short name; the stack is athenaeum-NAME-ENV.")
    String name;

    @Option(names = "--env", paramLabel = "ENV", defaultValue = "dev", description = "dev (default) or prod.")
    String environment;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION or AWS_DEFAULT_REGION).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "A named profile of ~/.aws/config (default: the SDK's chain: environment, default profile, …).")
    String profile;

    Environment environment() {
        return Environment.parse(environment);
    }

    Region region(Map<String, String> env) {
        String id = Optional.ofNullable(region).or(() -> Optional.ofNullable(env.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION"))).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("no AWS region: give --region, e.g. --region eu-west-1"));
        return LambdaRegions.parse(id);
    }

    /**
     * The session, with credentials looked up in {@code env} the way the SDK's own chain does (keys first, then a
     * named profile in the files the environment names), so that what the command sees is one map.
     */
    AwsSession session(Region region, Map<String, String> env) {
        AwsSession base = AwsSession.of(Optional.ofNullable(profile), region, env);
        return new AwsSession(base.profile(), region, base.endpoint(), credentials(env).orElse(base.credentials()));
    }

    private Optional<AwsCredentialsProvider> credentials(Map<String, String> env) {
        if (profile != null) {
            return Optional.of(ProfileCredentialsProvider.builder().profileName(profile)
                    .profileFile(profileFiles(env)).build());
        }
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return Optional.of(StaticCredentialsProvider.create(token == null || token.isBlank()
                ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token)));
    }

    private static ProfileFile profileFiles(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        var aggregate = ProfileFile.aggregator();
        add(aggregate, env.get("AWS_CONFIG_FILE"), home.resolve(".aws/config"), ProfileFile.Type.CONFIGURATION);
        add(aggregate, env.get("AWS_SHARED_CREDENTIALS_FILE"), home.resolve(".aws/credentials"),
                ProfileFile.Type.CREDENTIALS);
        return aggregate.build();
    }

    private static void add(ProfileFile.Aggregator aggregate, String named, Path fallback, ProfileFile.Type type) {
        Path file = named == null || named.isBlank() ? fallback : Path.of(named);
        if (Files.isRegularFile(file)) {
            aggregate.addFile(ProfileFile.builder().content(file).type(type).build());
        }
    }
}
