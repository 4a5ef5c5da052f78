package dev.athenaeum.deploy.upload;

/** Receives upload progress, on the uploading thread: hand off to your own thread for anything slow. */
@FunctionalInterface
public interface UploadListener {

    UploadListener NONE = p -> { };

    void onProgress(UploadProgress progress);
}
