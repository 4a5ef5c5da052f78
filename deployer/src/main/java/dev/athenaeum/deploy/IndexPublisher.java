package dev.athenaeum.deploy;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Puts an index folder into the stack's bucket under one prefix, where the function loads it from. A deployment
 * without a publisher reports the step as not available instead of pretending the index is there.
 */
public interface IndexPublisher {

    /** A build without an uploader: every upload is refused with the reason. */
    IndexPublisher NOT_AVAILABLE = new IndexPublisher() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public long publish(Path index, String bucket, String prefix, Consumer<String> progress) {
            throw new DeploymentException(UNAVAILABLE);
        }
    };

    String UNAVAILABLE = "index upload is not available in this build";

    boolean available();

    /**
     * Uploads every file of the index under {@code prefix} of {@code bucket}.
     *
     * @return the bytes uploaded
     */
    long publish(Path index, String bucket, String prefix, Consumer<String> progress);
}
