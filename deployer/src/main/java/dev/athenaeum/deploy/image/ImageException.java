package dev.athenaeum.deploy.image;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;

/** An image that could not be built or pushed, with a one-line reason. */
public final class ImageException extends Exception {

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }

    static ImageException from(Throwable t) {
        String why = switch (t) {
            case RegistryUnauthorizedException u -> "the registry refused the credentials for " + u.getImageReference();
            case InsecureRegistryException i -> "the registry offers no verified HTTPS: " + firstLine(i.getMessage());
            default -> firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        };
        return new ImageException("cannot build or push the server image: " + why, t);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
