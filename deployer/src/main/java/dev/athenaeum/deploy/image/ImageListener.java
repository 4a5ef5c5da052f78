package dev.athenaeum.deploy.image;

/** Receives image progress on Jib's threads: hand off to your own thread for anything slow. */
@FunctionalInterface
public interface ImageListener {

    ImageListener NONE = p -> { };

    void onProgress(ImageProgress progress);
}
