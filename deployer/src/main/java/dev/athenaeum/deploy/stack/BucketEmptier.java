package dev.athenaeum.deploy.stack;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Empties a bucket, every version and delete marker included: CloudFormation cannot delete a bucket that holds
 * anything, and a versioned bucket still holds old versions after its objects are deleted.
 */
final class BucketEmptier {

    private BucketEmptier() {
    }

    /** Returns how many object versions and delete markers were removed; a missing bucket has none. */
    static long empty(S3Client s3, String bucket) {
        long removed = 0;
        try {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).maxKeys(1000))) {
                List<ObjectIdentifier> ids = new ArrayList<>();
                page.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
                page.deleteMarkers().forEach(m -> ids.add(id(m.key(), m.versionId())));
                if (ids.isEmpty()) {
                    continue;
                }
                var r = s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
                if (!r.errors().isEmpty()) {
                    var first = r.errors().getFirst();
                    throw new StackException("could not empty the bucket " + bucket + ": " + first.key() + ": "
                            + first.message());
                }
                removed += ids.size();
            }
        } catch (NoSuchBucketException e) {
            return removed;
        }
        return removed;
    }

    private static ObjectIdentifier id(String key, String versionId) {
        // Unversioned buckets report the version "null", which S3 accepts back as such.
        return ObjectIdentifier.builder().key(key).versionId(versionId).build();
    }
}
