package dev.athenaeum.server.lambda;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;

/** Downloads one object of the index to a file, turning the SDK's failures into one-line explanations. */
final class S3Files {

    private S3Files() {
    }

    /** Downloads the manifest; returns its ETag, which changes whenever a new index is uploaded. */
    static String downloadManifest(S3Client s3, IndexSource source, Path local) throws IndexDownloadException {
        return download(s3, source, source.key(IndexDownloader.MANIFEST), source.uri(IndexDownloader.MANIFEST),
                () -> missingManifest(source), local);
    }

    /** Downloads the object that holds the file {@code relative} of the index, whose SHA-256 is {@code sha256}. */
    static void download(S3Client s3, IndexSource source, String relative, String sha256, Path local)
            throws IndexDownloadException {
        download(s3, source, source.objectKey(sha256), describe(source, relative, sha256),
                () -> "the index at " + source.uri() + " is incomplete: " + describe(source, relative, sha256)
                        + " is listed in manifest.json but missing", local);
    }

    /** How messages name a file of the index: its object, and the file it becomes. */
    static String describe(IndexSource source, String relative, String sha256) {
        return source.objectUri(sha256) + " (" + relative + ")";
    }

    private static String download(S3Client s3, IndexSource source, String key, String uri,
                                   java.util.function.Supplier<String> missing, Path local) throws IndexDownloadException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(source.bucket()).key(key).build(),
                    ResponseTransformer.toFile(local)).eTag();
        } catch (NoSuchKeyException e) {
            throw new IndexDownloadException(missing.get(), e);
        } catch (NoSuchBucketException e) {
            throw new IndexDownloadException("cannot download the index: the bucket " + source.bucket()
                    + " does not exist", e);
        } catch (S3Exception e) {
            String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new IndexDownloadException("cannot download " + uri + ": " + detail + " (HTTP " + e.statusCode() + ")", e);
        } catch (SdkClientException e) {
            throw new IndexDownloadException("cannot download " + uri + ": " + Messages.firstLine(e.getMessage()), e);
        }
    }

    private static String missingManifest(IndexSource source) {
        return "no index at " + source.uri() + ": " + IndexDownloader.MANIFEST + " is missing (upload the index"
                + " with the deployer: manifest.json, and every file it lists as " + IndexSource.OBJECTS
                + "/<its SHA-256>)";
    }
}
