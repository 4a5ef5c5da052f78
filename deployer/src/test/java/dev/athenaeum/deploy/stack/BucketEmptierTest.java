package dev.athenaeum.deploy.stack;

import dev.athenaeum.server.lambda.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A versioned bucket holds old versions and delete markers after its objects are deleted: all must go. */
class BucketEmptierTest {

    private static MotoServer moto;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        moto.close();
    }

    @Test
    void everyVersionAndDeleteMarkerIsRemoved() {
        try (S3Client s3 = MotoStacks.session(moto).s3()) {
            s3.createBucket(b -> b.bucket("versioned-index").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            s3.putBucketVersioning(b -> b.bucket("versioned-index")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            for (int i = 0; i < 3; i++) {
                s3.putObject(b -> b.bucket("versioned-index").key("kb/v1/manifest.json"), RequestBody.fromString("v" + System.nanoTime()));
            }
            s3.putObject(b -> b.bucket("versioned-index").key("kb/v1/chunks.bin"), RequestBody.fromString("c"));
            s3.deleteObject(b -> b.bucket("versioned-index").key("kb/v1/chunks.bin"));
            assertThat(s3.listObjectsV2(b -> b.bucket("versioned-index")).contents()).hasSize(1);

            // 3 versions of the manifest, 1 of chunks.bin, 1 delete marker.
            assertThat(BucketEmptier.empty(s3, "versioned-index")).isEqualTo(5);
            var left = s3.listObjectVersions(b -> b.bucket("versioned-index"));
            assertThat(left.versions()).isEmpty();
            assertThat(left.deleteMarkers()).isEmpty();
            s3.deleteBucket(b -> b.bucket("versioned-index"));
            assertThat(BucketEmptier.empty(s3, "versioned-index")).isZero();
        }
    }
}
