package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.index.KnowledgeIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole entry as the container runs it, with moto for S3 and Secrets Manager and a fake Runtime API: the
 * environment of a deployed function, a real index in S3, a stand-in server started through {@link ServerStarter}.
 */
class ColdStartTest {

    private static final String BUCKET = "athenaeum-deploy";

    private static MotoServer moto;
    private static Map<String, byte[]> files;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        files = TestIndex.uploadFiles();
        try (S3Client s3 = Moto.clients(moto.endpoint()).s3()) {
            s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(Moto.REGION)));
            TestIndex.upload(s3, new IndexSource(BUCKET, "kb/v1"), files);
            Map<String, byte[]> corrupted = new LinkedHashMap<>(files);
            byte[] chunks = files.get("chunks.bin").clone();
            chunks[chunks.length - 3] ^= 0x20;
            corrupted.put("chunks.bin", chunks);
            TestIndex.upload(s3, new IndexSource(BUCKET, "kb/broken"), corrupted);
        }
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void aColdStartDownloadsStartsTheServerAndServes() throws Exception {
        String arn;
        try (SecretsManagerClient sm = Moto.clients(moto.endpoint()).secretsManager()) {
            arn = sm.createSecret(r -> r.name("athenaeum/openai").secretString("{\"OPENAI_API_KEY\":\"sk-from-secret\"}")).arn();
        }
        AtomicReference<Optional<ApiKey>> keySeen = new AtomicReference<>();
        FakeRuntimeApi runtime = new FakeRuntimeApi();
        try (StandInServer server = new StandInServer()) {
            ServerStarter starter = (dir, key) -> {
                try (KnowledgeIndex index = KnowledgeIndex.open(dir)) {
                    assertThat(index.fileNames()).hasSameSizeAs(TestIndex.PAGES);
                }
                keySeen.set(key);
                return server.port();
            };
            Map<String, String> env = new HashMap<>(Moto.environment(moto.endpoint(), runtime.hostPort(), BUCKET,
                    "kb/v1", tmp.resolve("index").toString()));
            env.put("OPENAI_API_KEY_SECRET_ARN", arn);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> LambdaMain.run(env, Optional.of(starter), Moto::clients));

            JsonNode r = Events.json(runtime.invoke(Events.load("apigw-get-search.json")).body());

            assertThat(r.get("statusCode").asInt()).isEqualTo(200);
            assertThat(keySeen.get()).map(ApiKey::value).contains("sk-from-secret");
            assertThat(runtime.initErrorPosted()).isFalse();
            runtime.close();
            assertThat(exit.get(30, TimeUnit.SECONDS)).as("exit code once the Runtime API is gone").isEqualTo(1);
        } finally {
            runtime.close();
        }
    }

    @Test
    void aCorruptedIndexFailsTheInitAndNeverStartsTheServer() throws Exception {
        try (FakeRuntimeApi runtime = new FakeRuntimeApi()) {
            Map<String, String> env = Moto.environment(moto.endpoint(), runtime.hostPort(), BUCKET, "kb/broken",
                    tmp.resolve("index").toString());

            int code = LambdaMain.run(env, Optional.of((dir, key) -> {
                throw new AssertionError("the server was started on a corrupted index");
            }), Moto::clients);

            assertThat(code).isEqualTo(1);
            JsonNode error = Events.json(runtime.awaitInitError(Duration.ofSeconds(5)).body());
            assertThat(error.get("errorType").asText()).isEqualTo("Athenaeum.IndexRefused");
            assertThat(error.get("errorMessage").asText())
                    .startsWith("refusing the index at s3://" + BUCKET + "/kb/broken/: ")
                    .contains("s3://" + BUCKET + "/kb/broken/objects/" + TestIndex.sha256("chunks.bin") + " (chunks.bin)").doesNotContain("\n");
            assertThat(tmp.resolve("index")).doesNotExist();
        }
    }
}
