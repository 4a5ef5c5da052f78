package dev.athenaeum.deploy.upload;

import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import dev.athenaeum.index.IndexTestSupport;
import dev.athenaeum.server.lambda.IndexDownloader;
import dev.athenaeum.server.lambda.IndexSource;
import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index upload against moto's S3 with a real index of the bundled guide: first and delta uploads, multipart,
 * verification, cancel, and the Lambda entry's own download of what was uploaded.
 */
class IndexUploaderTest {

    private static final String BUCKET = "athenaeum-upload";
    private static final String PAGE = "guides/keeping-up-to-date.md";

    private static MotoServer moto;
    private static S3Client s3;
    private static final CountingRequests requests = new CountingRequests();

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        AwsSession session = new AwsSession(Optional.empty(), Region.EU_WEST_1, Optional.of(moto.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        try (S3Client plain = session.s3()) {
            plain.createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        }
        // The session's client, configured the same way, with a counter of the requests really sent.
        s3 = S3Client.builder().region(session.region()).credentialsProvider(session.credentials())
                .endpointOverride(moto.endpoint()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(requests)).build();
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
    void aDeltaUploadSendsOnlyTheChangedFilesAndTheLambdaDownloadsIt() throws Exception {
        GuideIndex index = GuideIndex.build(tmp);
        UploadTarget target = new UploadTarget(BUCKET, "/kb/delta/");
        IndexUploader uploader = new IndexUploader(s3, UploadOptions.DEFAULT);
        List<UploadProgress> progress = new ArrayList<>();

        requests.reset();
        UploadReport first = uploader.upload(index.dir, target, progress::add, Cancellation.none());

        assertThat(first.filesSent()).isEqualTo(index.digests().size());
        assertThat(first.filesUnchanged()).isZero();
        assertThat(requests.count("PutObject")).as("every file, then the manifest").isEqualTo(index.digests().size() + 1);
        assertThat(first.bytesSent()).isEqualTo(index.checksums().values().stream().mapToLong(c -> c.bytes()).sum());
        assertThat(progress.getLast()).satisfies(p -> {
            assertThat(p.phase()).isEqualTo(UploadProgress.Phase.DONE);
            assertThat(p.bytesSent()).isEqualTo(first.bytesSent()).isEqualTo(p.bytesToSend());
            assertThat(p.filesSent()).isEqualTo(first.filesSent());
        });
        assertThat(uploader.verify(index.dir, target)).isEmpty();
        Set<String> before = index.digests();

        index.editAndUpdate(PAGE, "Uploading an updated index sends only the files whose checksum changed.");
        Set<String> changed = new HashSet<>(index.digests());
        changed.removeAll(before);
        int files = index.digests().size();
        assertThat(changed).as("an edit adds files and keeps the previous vector and Lucene segments")
                .isNotEmpty().hasSizeLessThan(files);
        requests.reset();
        UploadReport delta = uploader.upload(index.dir, target, UploadListener.NONE, Cancellation.none());

        assertThat(delta.filesSent()).isEqualTo(changed.size());
        assertThat(delta.filesUnchanged()).isEqualTo(files - changed.size());
        assertThat(requests.count("PutObject")).isEqualTo(changed.size() + 1);
        assertThat(delta.manifestETag()).isNotEqualTo(first.manifestETag());
        assertThat(objects(target)).as("the previous index's objects stay one round for readers of its manifest")
                .isEqualTo(union(before, index.digests()));

        Path downloaded = new IndexDownloader(s3, 4).download(new IndexSource(BUCKET, "kb/delta"), tmp.resolve("lambda"));
        try (KnowledgeIndex lambda = KnowledgeIndex.open(downloaded)) {
            assertThat(lambda.verify()).isEmpty();
            assertThat(lambda.manifest().checksums()).isEqualTo(index.checksums());
            List<SearchHit> hits = new Searcher(lambda, IndexTestSupport.embedder())
                    .search(SearchRequest.builder("uploading an updated index sends only changed files").topK(3).build());
            assertThat(hits.getFirst().file()).isEqualTo(PAGE);
        }

        UploadReport again = uploader.upload(index.dir, target, UploadListener.NONE, Cancellation.none());
        assertThat(again.filesSent()).isZero();
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(index.digests());
        assertThat(again.objectsDeleted()).isEqualTo(gone.size());
        assertThat(objects(target)).isEqualTo(index.digests());
    }

    @Test
    void largeFilesGoInPartsAndSHoldTheirCompositeChecksum() throws Exception {
        GuideIndex index = GuideIndex.build(tmp);
        UploadTarget target = new UploadTarget(BUCKET, "kb/multipart");
        UploadOptions small = UploadOptions.builder().partBytes(16 * 1024).build();
        Map.Entry<String, dev.athenaeum.index.IndexManifest.FileChecksum> largest = index.checksums().entrySet().stream()
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(c -> c.bytes()))).orElseThrow();
        long parts = (largest.getValue().bytes() + small.partBytes() - 1) / small.partBytes();
        assertThat(parts).as("the largest file needs several parts").isGreaterThan(2);
        requests.reset();

        new IndexUploader(s3, small).upload(index.dir, target, UploadListener.NONE, Cancellation.none());

        assertThat(requests.count("UploadPart")).isGreaterThanOrEqualTo((int) parts);
        assertThat(requests.count("CompleteMultipartUpload")).isPositive();
        String checksum = s3.headObject(r -> r.bucket(BUCKET).key("kb/multipart/objects/" + largest.getValue().sha256())
                .checksumMode(ChecksumMode.ENABLED)).checksumSHA256();
        assertThat(checksum).as("S3's composite checksum of the parts").isNotBlank();
        assertThat(new IndexUploader(s3, small).verify(index.dir, target)).isEmpty();
        Path downloaded = new IndexDownloader(s3, 4).download(new IndexSource(BUCKET, "kb/multipart"), tmp.resolve("lambda"));
        try (KnowledgeIndex lambda = KnowledgeIndex.open(downloaded)) {
            assertThat(lambda.verify()).isEmpty();
        }
    }

    @Test
    void verificationFindsADamagedObjectAndTheNextUploadReplacesIt() throws Exception {
        GuideIndex index = GuideIndex.build(tmp);
        UploadTarget target = new UploadTarget(BUCKET, "kb/damaged");
        IndexUploader uploader = new IndexUploader(s3, UploadOptions.DEFAULT);
        uploader.upload(index.dir, target, UploadListener.NONE, Cancellation.none());
        String victim = "chunks.bin";
        String key = "kb/damaged/objects/" + index.checksums().get(victim).sha256();
        byte[] bytes = Files.readAllBytes(index.generation().resolve(victim));
        bytes[bytes.length / 2] ^= 0x01;
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));

        assertThat(uploader.verify(index.dir, target)).singleElement().asString()
                .startsWith(victim + ": the SHA-256 S3 holds for s3://" + BUCKET + "/" + key);
        requests.reset();
        UploadReport repair = uploader.upload(index.dir, target, UploadListener.NONE, Cancellation.none());

        assertThat(repair.filesSent()).isEqualTo(1);
        assertThat(requests.count("PutObject")).isEqualTo(2);
        assertThat(uploader.verify(index.dir, target)).isEmpty();
    }

    @Test
    void aCancelledUploadLeavesThePublishedIndexAsItWas() throws Exception {
        GuideIndex index = GuideIndex.build(tmp);
        UploadTarget target = new UploadTarget(BUCKET, "kb/cancel");
        IndexUploader uploader = new IndexUploader(s3, UploadOptions.DEFAULT);
        uploader.upload(index.dir, target, UploadListener.NONE, Cancellation.none());
        byte[] published = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("kb/cancel/manifest.json")).asByteArray();
        index.editAndUpdate(PAGE, "A cancelled upload never replaces the manifest.");
        Cancellation cancel = new Cancellation();
        List<UploadProgress> seen = new ArrayList<>();

        assertThatThrownBy(() -> uploader.upload(index.dir, target, p -> {
            seen.add(p);
            if (p.phase() == UploadProgress.Phase.SENDING && p.bytesSent() > 0) {
                cancel.cancel();
            }
        }, cancel)).isInstanceOf(CancelledException.class);

        assertThat(seen).extracting(UploadProgress::phase).doesNotContain(UploadProgress.Phase.PUBLISHING);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("kb/cancel/manifest.json")).asByteArray())
                .isEqualTo(published);
        Path downloaded = new IndexDownloader(s3, 4).download(new IndexSource(BUCKET, "kb/cancel"), tmp.resolve("lambda"));
        try (KnowledgeIndex lambda = KnowledgeIndex.open(downloaded)) {
            assertThat(lambda.verify()).isEmpty();
            assertThat(lambda.manifest().checksums()).isNotEqualTo(index.checksums());
        }
    }

    @Test
    void aMissingBucketIsOneLine() throws Exception {
        GuideIndex index = GuideIndex.build(tmp);
        assertThatThrownBy(() -> new IndexUploader(s3, UploadOptions.DEFAULT).upload(index.dir,
                new UploadTarget("no-such-bucket", "kb"), UploadListener.NONE, Cancellation.none()))
                .isInstanceOf(UploadException.class)
                .hasMessage("cannot upload the index: the bucket no-such-bucket does not exist");
    }

    private static Set<String> objects(UploadTarget target) {
        return s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix(target.objectsPrefix())).contents().stream()
                .map(S3Object::key).map(k -> k.substring(target.objectsPrefix().length())).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
