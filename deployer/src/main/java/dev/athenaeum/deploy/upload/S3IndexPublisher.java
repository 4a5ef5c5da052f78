package dev.athenaeum.deploy.upload;

import dev.athenaeum.deploy.DeploymentException;
import dev.athenaeum.deploy.DeploymentListener;
import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.IndexPublisher;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.progress.Cancellation;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;

/** The index uploaded with {@link IndexUploader}: only what the bucket lacks, verified, the manifest last. */
public final class S3IndexPublisher implements IndexPublisher {

    private final AwsSession session;
    private final UploadOptions options;

    public S3IndexPublisher(AwsSession session) {
        this(session, UploadOptions.DEFAULT);
    }

    public S3IndexPublisher(AwsSession session, UploadOptions options) {
        this.session = session;
        this.options = options;
    }

    @Override
    public String publish(Path index, String bucket, String prefix, DeploymentListener listener, Cancellation cancel) {
        UploadTarget target = new UploadTarget(bucket, prefix);
        UploadProgress.Phase[] shown = {null};
        try (S3Client s3 = session.s3()) {
            UploadReport report = new IndexUploader(s3, options).upload(index, target, p -> {
                if (p.phase() != shown[0]) {
                    shown[0] = p.phase();
                    listener.onStep(describe(p));
                }
                listener.onProgress(DeploymentStep.INDEX, p.fraction(), p.file());
            }, cancel);
            return report.filesSent() + " file(s) sent (" + report.bytesSent() + " bytes), " + report.filesUnchanged()
                    + " unchanged, to " + report.uri();
        } catch (UploadException e) {
            throw new DeploymentException(e.getMessage());
        }
    }

    private static String describe(UploadProgress p) {
        return switch (p.phase()) {
            case COMPARING -> "comparing the index with the bucket";
            case SENDING -> "sending " + p.filesToSend() + " file(s), " + p.bytesToSend() + " bytes";
            case VERIFYING -> "verifying what S3 holds";
            case PUBLISHING -> "publishing manifest.json";
            case CLEANING -> "deleting objects no index needs";
            case DONE -> "index uploaded";
        };
    }
}
