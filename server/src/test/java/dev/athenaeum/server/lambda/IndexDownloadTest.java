package dev.athenaeum.server.lambda;

import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cold-start download against moto's S3, with a real index built by core and uploaded as a deployer would. */
class IndexDownloadTest {

    private static final String BUCKET = "athenaeum-indexes";

    private static MotoServer moto;
    private static S3Client s3;
    private static Map<String, byte[]> files;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        s3 = Moto.clients(moto.endpoint()).s3();
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(Moto.REGION)));
        files = TestIndex.uploadFiles();
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

    private Path download(String prefix) throws IndexDownloadException {
        return new IndexDownloader(s3, 4).download(new IndexSource(BUCKET, prefix), tmp.resolve("index"));
    }

    @Test
    void downloadsAnIndexThatOpensAndSearches() throws Exception {
        TestIndex.upload(s3, new IndexSource(BUCKET, "releases/2026-03-10"), files);

        Path dir = download("/releases/2026-03-10/");

        assertThat(dir).isEqualTo(tmp.resolve("index"));
        assertThat(Files.readString(dir.resolve("CURRENT")).strip()).isEqualTo("gen-000001");
        try (KnowledgeIndex index = KnowledgeIndex.open(dir)) {
            assertThat(index.verify()).isEmpty();
            assertThat(index.fileNames()).containsExactlyInAnyOrderElementsOf(TestIndex.PAGES);
            List<SearchHit> hits = new Searcher(index, TestIndex.embedder())
                    .search(SearchRequest.builder("publish a package to the registry").topK(3).build());
            assertThat(hits).isNotEmpty();
            assertThat(hits.get(0).file()).isEqualTo("commands/npm-publish.md");
        }
        assertThat(leftovers()).as("staging folders left beside the index").isEmpty();
    }

    @Test
    void aCorruptedObjectIsRefusedAndNothingIsInstalled() throws Exception {
        String victim = TestIndex.largestFile(files);
        Map<String, byte[]> corrupted = new LinkedHashMap<>(files);
        byte[] bytes = files.get(victim).clone();
        bytes[bytes.length / 2] ^= 0x01;
        corrupted.put(victim, bytes);
        TestIndex.upload(s3, new IndexSource(BUCKET, "corrupted"), corrupted);

        assertThatThrownBy(() -> download("corrupted"))
                .isInstanceOf(IndexDownloadException.class)
                .hasMessage("refusing the index at s3://" + BUCKET + "/corrupted/: the SHA-256 of s3://" + BUCKET
                        + "/corrupted/objects/" + TestIndex.sha256(victim) + " (" + victim + ") differs from manifest.json (a corrupted object, or files of two"
                        + " different uploads)");
        assertThat(tmp.resolve("index")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aRefusedDownloadLeavesThePreviousIndexInPlace() throws Exception {
        TestIndex.upload(s3, new IndexSource(BUCKET, "good"), files);
        download("good");
        Map<String, byte[]> truncated = new LinkedHashMap<>(files);
        truncated.put("chunks.bin", java.util.Arrays.copyOf(files.get("chunks.bin"), files.get("chunks.bin").length - 1));
        TestIndex.upload(s3, new IndexSource(BUCKET, "truncated"), truncated);

        assertThatThrownBy(() -> download("truncated"))
                .isInstanceOf(IndexDownloadException.class)
                .hasMessageContaining("s3://" + BUCKET + "/truncated/objects/" + TestIndex.sha256("chunks.bin")
                        + " (chunks.bin) has "
                        + (files.get("chunks.bin").length - 1) + " bytes; manifest.json says " + files.get("chunks.bin").length);
        try (KnowledgeIndex index = KnowledgeIndex.open(tmp.resolve("index"))) {
            assertThat(index.verify()).isEmpty();
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingManifestIsAClearError() throws Exception {
        Map<String, byte[]> noManifest = new LinkedHashMap<>(files);
        noManifest.remove(IndexDownloader.MANIFEST);
        TestIndex.upload(s3, new IndexSource(BUCKET, "no-manifest"), noManifest);

        assertThatThrownBy(() -> download("no-manifest"))
                .isInstanceOf(IndexDownloadException.class)
                .hasMessageStartingWith("no index at s3://" + BUCKET + "/no-manifest/: manifest.json is missing");
        assertThat(tmp.resolve("index")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFileListedButNotUploadedIsNamed() throws Exception {
        Map<String, byte[]> partial = new LinkedHashMap<>(files);
        partial.remove("windows.bin");
        TestIndex.upload(s3, new IndexSource(BUCKET, "partial"), partial);

        assertThatThrownBy(() -> download("partial"))
                .isInstanceOf(IndexDownloadException.class)
                .hasMessage("the index at s3://" + BUCKET + "/partial/ is incomplete: s3://" + BUCKET
                        + "/partial/objects/" + TestIndex.sha256("windows.bin")
                        + " (windows.bin) is listed in manifest.json but missing");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aManifestOfSomethingElseIsRefused() {
        TestIndex.upload(s3, new IndexSource(BUCKET, "other"),
                Map.of(IndexDownloader.MANIFEST, "{\"name\": \"my-package\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> download("other"))
                .isInstanceOf(IndexDownloadException.class)
                .hasMessage("refusing s3://" + BUCKET + "/other/manifest.json: not an Athenaeum index: s3://" + BUCKET
                        + "/other/manifest.json is some other JSON file");
    }

    @Test
    void aManifestNamingFilesOutsideTheIndexIsRefused() throws Exception {
        String manifest = new String(files.get(IndexDownloader.MANIFEST), StandardCharsets.UTF_8)
                .replace("\"checksums\" : {", "\"checksums\" : {\n    \"../../escape.txt\" : {\"sha256\" : \"00\", \"bytes\" : 1},");
        assertThat(manifest).contains("escape.txt");
        TestIndex.upload(s3, new IndexSource(BUCKET, "escape"),
                Map.of(IndexDownloader.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> download("escape"))
                .isInstanceOf(IndexDownloadException.class)
                .hasMessageContaining("lists a file outside the index folder: ../../escape.txt");
        assertThat(tmp.resolve("escape.txt")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    /** Anything beside the index folder: staging or replaced folders that should have been removed. */
    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index")).toList();
        }
    }
}
