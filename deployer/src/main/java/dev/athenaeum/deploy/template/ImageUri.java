package dev.athenaeum.deploy.template;

import java.util.regex.Pattern;

/**
 * A container image named by its digest ({@code registry/repository@sha256:…}). A tag can point at another image
 * tomorrow, and a stack update with an unchanged tag would not update the function at all; a digest cannot.
 */
public record ImageUri(String value) {

    private static final Pattern BY_DIGEST =
            Pattern.compile("[a-z0-9][a-z0-9.-]*(:[0-9]+)?/[a-z0-9][a-z0-9._/-]*@sha256:[0-9a-f]{64}");

    /**
     * Settings made without an image: the deployment builds the server image and puts its digest here. It names no
     * registry that exists, so it can never reach a function.
     */
    public static final ImageUri TO_BE_BUILT = new ImageUri("to-be-built.invalid/athenaeum@sha256:" + "0".repeat(64));

    public ImageUri {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the image URI is missing: give one as registry/repository@sha256:<digest>");
        }
        value = value.strip();
        if (!value.contains("@")) {
            throw new IllegalArgumentException("the image URI " + value + " names a tag, not a digest: deploy by"
                    + " digest (repository@sha256:…) so that every update really changes the function");
        }
        if (!BY_DIGEST.matcher(value).matches()) {
            throw new IllegalArgumentException("the image URI " + value
                    + " is not of the form registry/repository@sha256:<64 hex digits>");
        }
    }

    public boolean isToBeBuilt() {
        return equals(TO_BE_BUILT);
    }

    @Override
    public String toString() {
        return value;
    }
}
