package dev.athenaeum.deploy.stack;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.FrontDoor;
import dev.athenaeum.deploy.template.JwtAuth;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Create, re-run, update and destroy a stack with the real SDK against moto, and check what moto then holds. */
class StackLifecycleTest {

    private static final String KEY = "sk-test-not-a-real-key-4f1d2c";

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
    void createReRunUpdateAndDestroy() {
        DeploymentSettings settings = MotoStacks.settings("handbook").frontDoor(FrontDoor.BOTH).timeoutSeconds(120)
                .jwt(JwtAuth.of("https://id.example.com/", "athenaeum", "https://id.example.com/jwks.json"))
                .openAiKeySecret(true).chatProvider(ChatProvider.OPENAI).chatModel("gpt-4o-mini").build();
        StackInputs inputs = StackInputs.of("kb/v1/").withOpenAiKey(new SecretValue(KEY));

        // Plan: everything is new.
        var recorder = new MotoStacks.Recorder();
        StackPlan plan = deployer.plan(settings, inputs, recorder);
        assertThat(plan.newStack()).isTrue();
        assertThat(plan.changes()).extracting(ResourceChange::action).containsOnly("Add");
        assertThat(plan.changes()).extracting(ResourceChange::logicalId)
                .contains("IndexBucket", "ExecutionRole", "Function", "StreamFunction", "HttpApi", "FunctionUrl");
        assertThat(plan.summary()).startsWith("Create stack athenaeum-handbook-dev").contains("Add Function (AWS::Lambda::Function)")
                .contains("OpenAiKeySecretArn = arn:aws:secretsmanager:").doesNotContain(KEY);
        assertThat(plan.template().json()).doesNotContain(KEY);

        // Create.
        StackResult created = deployer.execute(plan, recorder);
        assertThat(created.changed()).isTrue();
        assertThat(recorder.events).extracting(StackEvent::status).contains("CREATE_COMPLETE");
        StackOutputs out = created.outputs();
        assertThat(out.functionName()).isEqualTo("athenaeum-handbook-dev");
        assertThat(out.streamFunctionName()).contains("athenaeum-handbook-dev-stream");
        assertThat(out.indexPrefix()).contains("kb/v1/");
        String secretArn = plan.parameters().get("OpenAiKeySecretArn");
        try (var s3 = session.s3(); var lambda = session.lambda(); var sm = session.secretsManager();
             var cfn = session.cloudFormation()) {
            s3.headBucket(b -> b.bucket(out.bucketName()));
            assertThat(s3.getBucketEncryption(b -> b.bucket(out.bucketName())).serverSideEncryptionConfiguration()
                    .rules().getFirst().applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("AES256");
            FunctionConfiguration fn = lambda.getFunction(b -> b.functionName(out.functionName())).configuration();
            assertThat(fn.memorySize()).isEqualTo(2048);
            assertThat(fn.timeout()).isEqualTo(120);
            Map<String, String> env = fn.environment().variables();
            assertThat(env).containsEntry("ATHENAEUM_INDEX_BUCKET", out.bucketName())
                    .containsEntry("ATHENAEUM_INDEX_PREFIX", "kb/v1/")
                    .containsEntry("OPENAI_API_KEY_SECRET_ARN", secretArn)
                    .containsEntry("ATHENAEUM_AUTH", "jwt")
                    .containsEntry("ATHENAEUM_RESPONSE_STREAMING", "false");
            assertThat(env.values()).noneMatch(v -> v.contains(KEY));
            assertThat(lambda.getFunction(b -> b.functionName("athenaeum-handbook-dev-stream")).configuration()
                    .environment().variables()).containsEntry("ATHENAEUM_RESPONSE_STREAMING", "true");
            // The key is in Secrets Manager only.
            assertThat(sm.getSecretValue(b -> b.secretId(secretArn)).secretString()).isEqualTo(KEY);
            assertThat(cfn.getTemplate(b -> b.stackName(settings.stackName())).templateBody()).doesNotContain(KEY);
        }

        // The same settings again: nothing to do, and no change set is left behind.
        StackPlan again = deployer.plan(settings, StackInputs.of("kb/v1/"), StackListener.NONE);
        assertThat(again.hasChanges()).isFalse();
        assertThat(again.summary()).contains("no changes");
        StackResult unchanged = deployer.execute(again, StackListener.NONE);
        assertThat(unchanged.changed()).isFalse();
        assertThat(unchanged.outputs().bucketName()).isEqualTo(out.bucketName());
        try (var cfn = session.cloudFormation()) {
            // Executed change sets may stay listed; an empty one must not.
            assertThat(cfn.listChangeSets(b -> b.stackName(settings.stackName())).summaries())
                    .allSatisfy(c -> assertThat(c.executionStatusAsString()).isEqualTo("EXECUTE_COMPLETE"));
        }

        // More memory: the change set says the function is modified, and moto's function has it afterwards.
        DeploymentSettings bigger = DeploymentSettings.builder().from(settings).memoryMb(4096).build();
        StackPlan update = deployer.plan(bigger, StackInputs.of("kb/v1/"), StackListener.NONE);
        assertThat(update.newStack()).isFalse();
        assertThat(update.changes()).anySatisfy(c -> {
            assertThat(c.action()).isEqualTo("Modify");
            assertThat(c.logicalId()).isEqualTo("Function");
            assertThat(c.resourceType()).isEqualTo("AWS::Lambda::Function");
        });
        assertThat(deployer.execute(update, StackListener.NONE).changed()).isTrue();
        try (var lambda = session.lambda()) {
            assertThat(lambda.getFunction(b -> b.functionName(out.functionName())).configuration().memorySize())
                    .isEqualTo(4096);
        }

        // Destroy: the bucket is emptied first, then stack, bucket, functions and the secret are gone.
        try (var s3 = session.s3()) {
            for (String k : List.of("kb/v1/manifest.json", "kb/v1/chunks.bin", "kb/v2/manifest.json")) {
                s3.putObject(b -> b.bucket(out.bucketName()).key(k), RequestBody.fromString("x"));
            }
        }
        var destroyed = new MotoStacks.Recorder();
        DestroyReport report = deployer.destroy(bigger, destroyed);
        assertThat(report).isEqualTo(new DestroyReport("athenaeum-handbook-dev", true, 3, true));
        assertThat(destroyed.steps).first().asString().startsWith("emptying the index bucket");
        try (var s3 = session.s3(); var lambda = session.lambda(); var sm = session.secretsManager()) {
            assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(out.bucketName()))).isInstanceOf(NoSuchBucketException.class);
            assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName(out.functionName())))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(settings.secretName())))
                    .isInstanceOf(software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class);
        }
        assertThatThrownBy(() -> deployer.outputs(bigger)).hasMessage("there is no stack named athenaeum-handbook-dev in this region");
        // Destroying again finds nothing and says so.
        assertThat(deployer.destroy(bigger, StackListener.NONE))
                .isEqualTo(new DestroyReport("athenaeum-handbook-dev", false, 0, false));
    }
}
