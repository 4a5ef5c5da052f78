package dev.athenaeum.deploy;

import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.image.LocalRegistry;
import dev.athenaeum.deploy.stack.DestroyReport;
import dev.athenaeum.deploy.stack.StackEvent;
import dev.athenaeum.deploy.stack.StackPlan;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.Environment;
import dev.athenaeum.deploy.upload.IndexUploader;
import dev.athenaeum.deploy.upload.UploadOptions;
import dev.athenaeum.deploy.upload.UploadTarget;
import dev.athenaeum.index.IndexTestSupport;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole deployment with nothing given but the index: the server image built with Jib and pushed to a real
 * registry (standing in for ECR's host; the repository is created in moto's ECR), the stack in moto's
 * CloudFormation, the index uploaded to the stack's bucket; then a re-run, an index update, a cancel and destroy.
 */
class DeploymentTest {

    private static final String PAGE = "guides/keeping-up-to-date.md";

    @TempDir
    static Path tmp;
    static MotoServer moto;
    static LocalRegistry registry;
    static String base;
    static Path corpus;
    static Path index;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        registry = LocalRegistry.start();
        base = registry.pushBase();
        corpus = tmp.resolve("guide");
        IndexTestSupport.copyTree(Path.of("../samples/guide").toAbsolutePath().normalize(), corpus);
        index = tmp.resolve("index");
        IndexTestSupport.build(corpus, index);
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void deployBuildsTheImageCreatesTheStackAndUploadsTheIndexAndARerunChangesNothing() throws Exception {
        Recorder first = new Recorder();
        DeploymentReport report = deployment().deploy(request("full"), first, Cancellation.none());

        assertThat(report.steps()).extracting(StepOutcome::status).containsOnly(StepOutcome.Status.DONE,
                StepOutcome.Status.SKIPPED);
        String image = outcome(report, DeploymentStep.IMAGE).detail();
        assertThat(image).startsWith("built " + registry.host() + "/athenaeum-full-dev@sha256:");
        try (var lambda = session().lambda()) {
            assertThat(lambda.getFunction(r -> r.functionName("athenaeum-full-dev")).code().imageUri())
                    .isEqualTo(image.substring("built ".length()));
        }
        String bucket = report.outputs().bucketName();
        assertThat(outcome(report, DeploymentStep.INDEX).detail()).contains("unchanged, to s3://" + bucket + "/kb/");
        assertThat(uploadProblems(bucket)).isEmpty();
        assertThat(first.fractions).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(outcome(report, DeploymentStep.HEALTH).status()).isEqualTo(StepOutcome.Status.SKIPPED);

        DeploymentReport again = deployment().deploy(request("full"), new Recorder(), Cancellation.none());

        assertThat(again.changed()).as("same jars, same digest, same prefix: nothing to change").isFalse();
        assertThat(outcome(again, DeploymentStep.IMAGE).detail()).isEqualTo(image);
        assertThat(outcome(again, DeploymentStep.INDEX).detail()).startsWith("0 file(s) sent");

        Files.writeString(corpus.resolve(PAGE), "\n\n## Added\n\nThe lighthouse keeper logs every ship.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        IndexTestSupport.build(corpus, index);
        StepOutcome updated = deployment().updateIndex("full", Environment.DEV, index, new Recorder(), Cancellation.none());

        assertThat(updated.detail()).doesNotStartWith("0 file(s)").contains("to s3://" + bucket + "/kb/");
        assertThat(uploadProblems(bucket)).isEmpty();

        DestroyReport destroyed = deployment().destroy("full", Environment.DEV, new Recorder());

        assertThat(destroyed.stackDeleted()).isTrue();
        assertThat(destroyed.repositoryDeleted()).isTrue();
        assertThat(deployment().find("full", Environment.DEV)).isEmpty();
        try (var ecr = session().ecr()) {
            assertThatThrownBy(() -> ecr.describeRepositories(r -> r.repositoryNames("athenaeum-full-dev")))
                    .isInstanceOf(RepositoryNotFoundException.class);
        }
    }

    @Test
    void aCancelWhileTheImageIsBuiltStopsBeforeTheStackIsCreated() {
        Cancellation cancel = new Cancellation();
        Recorder cancelling = new Recorder() {
            @Override
            public void onProgress(DeploymentStep step, double fraction, String detail) {
                cancel.cancel();
            }
        };

        assertThatThrownBy(() -> deployment().deploy(request("stopped"), cancelling, cancel))
                .isInstanceOf(DeploymentCancelledException.class).hasMessageContaining("stay as they were");
        assertThat(cancelling.started).contains(DeploymentStep.IMAGE).doesNotContain(DeploymentStep.PLAN);
        assertThat(deployment().find("stopped", Environment.DEV)).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).as("the cancel's interrupt stays inside").isFalse();
    }

    @Test
    void aDryRunPlansTheImageToBeBuiltInTheAccountsRepositoryAndBuildsNothing() {
        DryRun run = deployment().dryRun(request("dry"), new Recorder());

        assertThat(run.plan().parameters()).containsValue(
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum-dry-dev@sha256:" + "0".repeat(64));
        assertThat(run.plan().newStack()).isTrue();
        assertThat(deployment().find("dry", Environment.DEV)).isEmpty();
        try (var ecr = session().ecr()) {
            assertThatThrownBy(() -> ecr.describeRepositories(r -> r.repositoryNames("athenaeum-dry-dev")))
                    .isInstanceOf(RepositoryNotFoundException.class);
        }
    }

    @Test
    void aBaseImageThatCannotBePulledFailsTheImageStepInOneLine() {
        Deployment broken = Deployment.standard(session(), new ImageSource(registry.host() + "/no-such-base:1",
                Optional.of(registry.host())));

        assertThatThrownBy(() -> broken.deploy(request("nobase"), new Recorder(), Cancellation.none()))
                .isInstanceOf(DeploymentException.class)
                .hasMessageStartingWith("cannot build or push the server image")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(deployment().find("nobase", Environment.DEV)).isEmpty();
    }

    private static List<String> uploadProblems(String bucket) throws Exception {
        try (var s3 = session().s3()) {
            return new IndexUploader(s3, UploadOptions.DEFAULT).verify(index, new UploadTarget(bucket, "kb"));
        }
    }

    private static StepOutcome outcome(DeploymentReport report, DeploymentStep step) {
        return report.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private static DeploymentRequest request(String name) {
        DeploymentSettings settings = DeploymentSettings.builder().name(name).build();
        return new DeploymentRequest(settings, index, Optional.empty(), 10_000);
    }

    private static Deployment deployment() {
        return Deployment.standard(session(), new ImageSource(base, Optional.of(registry.host())));
    }

    private static AwsSession session() {
        return new AwsSession(Optional.empty(), Region.EU_WEST_1, Optional.of(moto.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    static class Recorder implements DeploymentListener {
        final List<DeploymentStep> started = new CopyOnWriteArrayList<>();
        final List<Double> fractions = new CopyOnWriteArrayList<>();
        final List<String> lines = new ArrayList<>();

        @Override
        public void onStepStarted(DeploymentStep step) {
            started.add(step);
        }

        @Override
        public void onStepFinished(StepOutcome outcome) {
            lines.add(outcome.toString());
        }

        @Override
        public void onStep(String step) {
            lines.add(step);
        }

        @Override
        public void onEvent(StackEvent event) {
            lines.add(event.toString());
        }

        @Override
        public void onProgress(DeploymentStep step, double fraction, String detail) {
            fractions.add(fraction);
        }

        @Override
        public void onPlan(StackPlan plan) {
            lines.add(plan.summary());
        }
    }
}
