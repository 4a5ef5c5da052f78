package dev.athenaeum.deploy.upload;

/**
 * How far an upload is. Only what must be sent counts: files S3 already holds are not in the totals.
 *
 * @param phase what is being done
 * @param file  the file being sent, or empty between files
 */
public record UploadProgress(Phase phase, long bytesSent, long bytesToSend, int filesSent, int filesToSend,
                             String file) {

    public enum Phase { COMPARING, SENDING, VERIFYING, PUBLISHING, CLEANING, DONE }

    public UploadProgress {
        file = file == null ? "" : file;
    }

    /** The fraction of bytes sent, 1 when nothing needed sending. */
    public double fraction() {
        return bytesToSend == 0 ? 1.0 : Math.min(1.0, (double) bytesSent / bytesToSend);
    }
}
