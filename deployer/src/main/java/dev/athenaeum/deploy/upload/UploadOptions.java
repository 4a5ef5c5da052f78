package dev.athenaeum.deploy.upload;

/**
 * How files are sent: a file larger than {@code multipartThreshold} goes in parts of {@code partBytes}. S3 needs
 * parts of at least 5 MiB (the last excepted); smaller ones serve emulators that allow them.
 */
public record UploadOptions(long partBytes, long multipartThreshold) {

    public static final long MIB = 1024L * 1024;
    public static final UploadOptions DEFAULT = builder().build();

    public UploadOptions {
        if (partBytes < 1024 || partBytes > 512 * MIB) {
            throw new IllegalArgumentException("the upload part size must be between 1 KiB and 512 MiB, not " + partBytes);
        }
        if (multipartThreshold < partBytes) {
            throw new IllegalArgumentException("the multipart threshold (" + multipartThreshold
                    + " bytes) must not be below the part size (" + partBytes + " bytes)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long partBytes = 16 * MIB;
        private Long threshold;

        private Builder() {
        }

        public Builder partBytes(long bytes) {
            this.partBytes = bytes;
            return this;
        }

        /** Defaults to the part size: a file of one part or less is sent whole. */
        public Builder multipartThreshold(long bytes) {
            this.threshold = bytes;
            return this;
        }

        public UploadOptions build() {
            return new UploadOptions(partBytes, threshold == null ? partBytes : threshold);
        }
    }
}
