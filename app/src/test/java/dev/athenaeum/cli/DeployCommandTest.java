package dev.athenaeum.cli;

import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.image.LocalRegistry;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.StackSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

/** The deploy and destroy commands against moto's CloudFormation, S3, Lambda and STS, with a real index. */
class DeployCommandTest {

    private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum@sha256:" + "ab".repeat(32);

    @TempDir
    static Path tmp;
    static Path index;
    static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        index = tmp.resolve("index");
        TestCorpus.index(tmp.resolve("corpus"), index);
    }

    @AfterAll
    static void stop() throws Exception {
        moto.close();
    }

    @Test
    void aDryRunPrintsCostTemplateAndChangesAndCreatesNoStack() {
        Cli.Result r = run(env(), "deploy", "--index", index.toString(), "--stack", "dry", "--region", "eu-west-1",
                "--image-uri", IMAGE, "--monthly-requests", "50000", "--dry-run");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Estimated monthly cost", "Lambda requests", "50,000 requests", "total about $")
                .contains("Template:", "\"AWSTemplateFormatVersion\"", "AWS::Lambda::Function", IMAGE)
                .contains("Create stack athenaeum-dry-dev", "Add ", "Dry run: nothing else was created or changed.");
        assertThat(r.err()).contains("check the AWS account: done (account ", "plan the stack: done");
        assertThat(liveStack("athenaeum-dry-dev")).isEmpty();
    }

    @Test
    void deployWithAGivenImageCreatesTheStackUploadsTheIndexAndDestroyRemovesIt() {
        Cli.Result deployed = run(env(), "deploy", "--index", index.toString(), "--stack", "live", "--region",
                "eu-west-1", "--image-uri", IMAGE, "--front-door", "function-url", "--timeout", "120");

        assertThat(deployed.exitCode()).as(deployed.err()).isZero();
        assertThat(deployed.out()).contains("Create stack athenaeum-live-dev", "Add Function (AWS::Lambda::Function)")
                .contains("provide the server image: done (given " + IMAGE + ")")
                .contains("upload the index: done (", " file(s) sent (")
                .contains("check the deployed service: skipped (the stack reports no URL to call)")
                .contains("Stack athenaeum-live-dev: CREATE_COMPLETE", "index bucket ", "The stack reports no URL")
                .doesNotContain("check the deployed service: done");
        assertThat(deployed.err()).contains("CREATE_COMPLETE");
        assertThat(liveStack("athenaeum-live-dev")).map(StackSummary::stackStatus).contains(StackStatus.CREATE_COMPLETE);

        Cli.Result refused = run(env(), "destroy", "--stack", "live", "--region", "eu-west-1");
        assertThat(assertOneErrorLine(refused, 2)).contains("confirm with --yes");
        assertThat(liveStack("athenaeum-live-dev")).isPresent();

        Cli.Result destroyed = run(env(), "destroy", "--stack", "live", "--region", "eu-west-1", "--yes");
        assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
        assertThat(destroyed.out()).contains("Deleted athenaeum-live-dev");
        assertThat(liveStack("athenaeum-live-dev")).isEmpty();
    }

    @Test
    void theOpenAiKeyComesFromTheEnvironmentIsStoredAndNeverPrinted() {
        Map<String, String> env = new HashMap<>(env());
        env.put("OPENAI_API_KEY", "sk-test-never-printed");
        Cli.Result r = run(env, "deploy", "--index", index.toString(), "--stack", "chat", "--region", "eu-west-1",
                "--image-uri", IMAGE, "--provider", "openai", "--model", "gpt-4o-mini", "--dry-run", "--verbose");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameter OpenAiKeySecretArn = arn:aws:secretsmanager:eu-west-1:")
                .contains("Secrets Manager (OpenAI key)")
                .contains("note: the OpenAI key was stored in Secrets Manager as athenaeum/chat/dev/openai-api-key");
        assertThat(r.out() + r.err()).doesNotContain("sk-test-never-printed");
        assertThat(liveStack("athenaeum-chat-dev")).isEmpty();

        Cli.Result destroyed = run(env(), "destroy", "--stack", "chat", "--region", "eu-west-1", "--yes");
        assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
        assertThat(destroyed.out()).contains("There was no stack athenaeum-chat-dev; deleted its key's secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--image-uri|repo.example.com/athenaeum:latest|names a tag, not a digest",
            "--timeout|40|no use behind the HTTP API",
            "--provider|openai|OPENAI_API_KEY",
            "--region|mars-north-1|is not a region where Lambda runs"})
    void badOptionsGiveOneLineAndExitTwo(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("deploy", "--index", index.toString(), "--stack", "bad",
                "--region", "eu-west-1", "--image-uri", IMAGE, "--dry-run"));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(option, value));
        }
        Cli.Result r = run(env(), args.toArray(String[]::new));
        assertThat(assertOneErrorLine(r, 2)).contains(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutCredentialsTheAccountCheckSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[other]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n");
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(), "AWS_CONFIG_FILE", dir.resolve("none").toString()));
        Cli.Result r = run(env, "deploy", "--index", index.toString(), "--stack", "nokeys", "--region", "eu-west-1",
                "--profile", "deploy", "--image-uri", IMAGE, "--dry-run");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).last().asString().startsWith("athenaeum: no AWS credentials found: configure a profile");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void updatingTheIndexOfAStackThatDoesNotExistSaysSoInOneLine() {
        Cli.Result r = run(env(), "deploy", "--index", index.toString(), "--stack", "ghost", "--region", "eu-west-1",
                "--update-index");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).last().asString()
                .isEqualTo("athenaeum: there is no stack named athenaeum-ghost-dev in this region");
    }

    @Test
    void withoutAnImageUriTheImageIsBuiltAndPushedAndALaterIndexUpdateSendsOnlyTheChange(@TempDir Path dir)
            throws Exception {
        Path corpus = dir.resolve("corpus");
        Path own = dir.resolve("index");
        TestCorpus.index(corpus, own);
        try (LocalRegistry registry = LocalRegistry.start()) {
            String base = registry.pushBase();
            Map<String, String> env = new HashMap<>(env());
            env.put(ImageSource.REGISTRY_VARIABLE, registry.host());

            Cli.Result deployed = run(env, "deploy", "--index", own.toString(), "--stack", "built", "--region",
                    "eu-west-1", "--base-image", base);

            assertThat(deployed.exitCode()).as(deployed.err()).isZero();
            assertThat(deployed.out()).contains("provide the server image: done (built " + registry.host()
                    + "/athenaeum-built-dev@sha256:").contains("upload the index: done (");
            assertThat(deployed.err()).contains("ECR repository athenaeum-built-dev", "pushed");

            Files.writeString(corpus.resolve(TestCorpus.FILES.getFirst()), "\n\n## Auditing\n\nEvery grant is logged.\n",
                    java.nio.file.StandardOpenOption.APPEND);
            assertThat(Cli.run("index", corpus.toString(), "--index", own.toString()).exitCode()).isZero();
            Cli.Result updated = run(env, "deploy", "--index", own.toString(), "--stack", "built", "--region",
                    "eu-west-1", "--update-index");

            assertThat(updated.exitCode()).as(updated.err()).isZero();
            assertThat(updated.out()).startsWith("upload the index: done (").doesNotContain("(0 file(s) sent")
                    .contains("Running functions load it within a minute");
            assertThat(updated.err()).doesNotContain("provide the server image", "create or update the stack");

            Cli.Result destroyed = run(env, "destroy", "--stack", "built", "--region", "eu-west-1", "--yes");
            assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
            assertThat(destroyed.out()).contains("Deleted athenaeum-built-dev", "the image repository");
        }
    }

    private static Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing");
    }

    private static Cli.Result run(Map<String, String> env, String... args) {
        CommandLine cl = Main.commandLine();
        ((DeployCommand) cl.getSubcommands().get("deploy").getCommand()).env = env;
        ((DestroyCommand) cl.getSubcommands().get("destroy").getCommand()).env = env;
        return Cli.run(cl, args);
    }

    private static Optional<StackSummary> liveStack(String name) {
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build()) {
            return cfn.listStacksPaginator().stackSummaries().stream()
                    .filter(s -> s.stackName().equals(name) && s.stackStatus() != StackStatus.DELETE_COMPLETE)
                    .findFirst();
        }
    }
}
