package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures moto really produces, plans thrown away or left behind, and a cancel: AWS is always left tidy or as it was. */
class StackFailureTest {

    private static MotoServer moto;
    private static AwsSession session;
    private static StackDeployer deployer;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        session = MotoStacks.session(moto);
        deployer = new StackDeployer(session, Duration.ofMillis(50));
    }

    @AfterAll
    static void stopMoto() throws Exception {
        moto.close();
    }

    @Test
    void aTakenBucketNameFailsInPlainWordsLeavesNothingAndARetryWorks() {
        try (var s3 = session.s3()) {
            s3.createBucket(b -> b.bucket("someone-elses-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        }
        DeploymentSettings taken = MotoStacks.settings("clash").bucketName("someone-elses-bucket").build();
        var recorder = new MotoStacks.Recorder();
        assertThatThrownBy(() -> deployer.deploy(taken, StackInputs.of("kb/v1/"), recorder))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("creating athenaeum-clash-dev failed: ")
                .hasMessageContaining("bucket name is not available")
                .hasMessageContaining("the name is taken outside this stack")
                .hasMessageContaining("the unfinished stack was deleted");
        assertThat(recorder.steps).contains("deleting the unfinished stack athenaeum-clash-dev");
        try (var cfn = session.cloudFormation(); var lambda = session.lambda()) {
            assertThat(cfn.listStacks().stackSummaries()).filteredOn(s -> s.stackName().equals("athenaeum-clash-dev"))
                    .allSatisfy(s -> assertThat(s.stackStatus()).isEqualTo(StackStatus.DELETE_COMPLETE));
            assertThat(lambda.listFunctions().functions()).noneMatch(f -> f.functionName().equals("athenaeum-clash-dev"));
        }

        StackResult retried = deployer.deploy(DeploymentSettings.builder().from(taken).bucketName(null).build(),
                StackInputs.of("kb/v1/"), StackListener.NONE);
        assertThat(retried.changed()).isTrue();
        assertThat(retried.outputs().bucketName()).isNotEqualTo("someone-elses-bucket");
        assertThat(retried.outputs().status()).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void aPlanThatWasNeverCarriedOutIsReplacedByTheNextOne() {
        DeploymentSettings s = MotoStacks.settings("abandoned").build();
        StackPlan first = deployer.plan(s, StackInputs.of("kb/v1/"), StackListener.NONE);
        assertThat(first.newStack()).isTrue();
        // Nothing executed it: the stack waits in REVIEW_IN_PROGRESS, as after a crash or a closed wizard.
        var recorder = new MotoStacks.Recorder();
        StackPlan second = deployer.plan(s, StackInputs.of("kb/v1/"), recorder);
        assertThat(recorder.steps).first().asString()
                .isEqualTo("deleting athenaeum-abandoned-dev, left REVIEW_IN_PROGRESS by an earlier attempt");
        assertThat(second.newStack()).isTrue();
        assertThat(deployer.execute(second, StackListener.NONE).outputs().functionName()).isEqualTo("athenaeum-abandoned-dev");
    }

    @Test
    void aDiscardedPlanLeavesNoStack() {
        DeploymentSettings s = MotoStacks.settings("dryrun").build();
        StackPlan plan = deployer.plan(s, StackInputs.of("kb/v1/"), StackListener.NONE);
        assertThat(plan.template().json()).contains("\"AWS::Lambda::Function\"");
        deployer.discard(plan);
        assertThatThrownBy(() -> deployer.outputs(s)).hasMessage("there is no stack named athenaeum-dryrun-dev in this region");
    }

    @Test
    void anIndexPrefixOutsideTheReadableRootIsRefusedBeforeAws() {
        assertThatThrownBy(() -> StackInputs.of("index/v1/")).hasMessageContaining("must lie under kb/");
        assertThatThrownBy(() -> StackInputs.of("kb/2026-03-10T14:00/")).hasMessageContaining("only letters, digits");
        assertThatThrownBy(() -> StackInputs.of("kb/../secrets/")).hasMessageContaining("must lie under kb/");
    }

    @Test
    void withoutAStoredKeyThePlanAsksForOne() {
        DeploymentSettings s = MotoStacks.settings("keyless").openAiKeySecret(true).build();
        assertThatThrownBy(() -> deployer.plan(s, StackInputs.of("kb/v1/"), StackListener.NONE))
                .hasMessage("no OpenAI key is stored for athenaeum-keyless-dev yet: give the key once, it is kept in"
                        + " Secrets Manager as athenaeum/keyless/dev/openai-api-key");
    }

    @Test
    void aCancelledDeploymentSaysWhereTheStackWasLeft() {
        DeploymentSettings s = MotoStacks.settings("cancelled").build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> deployer.deploy(s, StackInputs.of("kb/v1/"), StackListener.NONE))
                    .isInstanceOf(StackWaitCancelledException.class)
                    .hasMessageContaining("was cancelled: the stack stays as AWS has it");
        } finally {
            Thread.interrupted();
        }
        // Nothing had started: the next deployment goes ahead normally.
        assertThat(deployer.deploy(s, StackInputs.of("kb/v1/"), StackListener.NONE).changed()).isTrue();
    }
}
