package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.index.KnowledgeIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Update index only": a warm function notices a new manifest.json in S3 after answering, ends, and the next
 * instance serves the new index; with a long check interval it does not look.
 */
class IndexReloadTest {

    private static final String BUCKET = "athenaeum-reload";
    private static final List<String> OTHER_PAGES = List.of("commands/npm-audit.md", "commands/npm-cache.md");

    private static MotoServer moto;
    private static S3Client s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        s3 = Moto.clients(moto.endpoint()).s3();
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(Moto.REGION)));
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void aWarmFunctionEndsAfterANewUploadAndTheNextServesTheNewIndex() throws Exception {
        IndexSource source = new IndexSource(BUCKET, "kb/live");
        TestIndex.uploadIndex(s3, source, TestIndex.build());
        List<List<String>> served = new CopyOnWriteArrayList<>();

        try (StandInServer server = new StandInServer(); FakeRuntimeApi runtime = new FakeRuntimeApi()) {
            CompletableFuture<Integer> exit = run(runtime, server, source, "0", served);
            assertThat(status(runtime)).isEqualTo(200);
            assertThat(exit).as("no new index yet: the function keeps serving").isNotDone();

            TestIndex.uploadIndex(s3, source, TestIndex.build(OTHER_PAGES));
            assertThat(status(runtime)).as("the request that notices the change is still answered").isEqualTo(200);
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(runtime.initErrorPosted()).isFalse();
        }
        try (StandInServer server = new StandInServer(); FakeRuntimeApi runtime = new FakeRuntimeApi()) {
            run(runtime, server, source, "0", served);
            assertThat(status(runtime)).isEqualTo(200);
        }
        assertThat(served).containsExactly(TestIndex.PAGES.stream().sorted().toList(), OTHER_PAGES.stream().sorted().toList());
    }

    @Test
    void withinTheIntervalS3IsNotAsked() throws Exception {
        IndexSource source = new IndexSource(BUCKET, "kb/hourly");
        TestIndex.uploadIndex(s3, source, TestIndex.build());
        try (StandInServer server = new StandInServer(); FakeRuntimeApi runtime = new FakeRuntimeApi()) {
            CompletableFuture<Integer> exit = run(runtime, server, source, "3600", new CopyOnWriteArrayList<>());
            assertThat(status(runtime)).isEqualTo(200);
            TestIndex.uploadIndex(s3, source, TestIndex.build(OTHER_PAGES));
            assertThat(status(runtime)).isEqualTo(200);
            assertThat(status(runtime)).isEqualTo(200);
            assertThat(exit).isNotDone();
        }
    }

    private CompletableFuture<Integer> run(FakeRuntimeApi runtime, StandInServer server, IndexSource source,
                                           String checkSeconds, List<List<String>> served) {
        ServerStarter starter = (dir, key) -> {
            try (KnowledgeIndex index = KnowledgeIndex.open(dir)) {
                served.add(index.fileNames().stream().sorted().toList());
            }
            return server.port();
        };
        Map<String, String> env = new HashMap<>(Moto.environment(moto.endpoint(), runtime.hostPort(), BUCKET, source.prefix(),
                tmp.resolve("index").toString()));
        env.put("ATHENAEUM_INDEX_CHECK_SECONDS", checkSeconds);
        return CompletableFuture.supplyAsync(() -> LambdaMain.run(env, Optional.of(starter), Moto::clients));
    }

    private static int status(FakeRuntimeApi runtime) throws Exception {
        JsonNode r = Events.json(runtime.invoke(Events.load("apigw-get-search.json")).body());
        return r.get("statusCode").asInt();
    }
}
