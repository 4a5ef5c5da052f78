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

    static void download(S3Client s3, IndexSource source, String relative, Path local) throws IndexDownloadException {
        String uri = source.uri(relative);
        try {
            s3.getObject(GetObjectRequest.builder().bucket(source.bucket()).key(source.key(relative)).build(),
                    ResponseTransformer.toFile(local));
        } catch (NoSuchKeyException e) {
            throw new IndexDownloadException(missing(source, relative), e);
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

    private static String missing(IndexSource source, String relative) {
        if (relative.equals(IndexDownloader.MANIFEST)) {
            return "no index at " + source.uri() + ": " + IndexDownloader.MANIFEST + " is missing (upload every file"
                    + " of the index's current generation folder, manifest.json included, under that prefix)";
        }
        return "the index at " + source.uri() + " is incomplete: " + source.uri(relative)
                + " is listed in manifest.json but missing";
    }
}
