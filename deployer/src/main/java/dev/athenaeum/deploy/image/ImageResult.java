package dev.athenaeum.deploy.image;

/**
 * A pushed image.
 *
 * @param reference  repository and digest, {@code repo@sha256:…}: what the function deploys, so every build changes it
 * @param appBytes   bytes of the layers this build made (jars), before compression
 */
public record ImageResult(String reference, String digest, String imageId, long appBytes) {
}
