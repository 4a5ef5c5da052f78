package dev.athenaeum.server.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Set;

/**
 * Runs the authenticator before every matched route except the open ones. Registered as a before-matched handler:
 * CORS preflights (which browsers send without credentials) match no route and so pass untouched, and unknown routes
 * get their 404 without a credentials check.
 */
public final class AuthGuard implements Handler {

    private final Authenticator authenticator;
    private final Set<String> openPaths;

    public AuthGuard(Authenticator authenticator, Set<String> openPaths) {
        this.authenticator = authenticator;
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (openPaths.contains(withoutTrailingSlash(ctx.path()))) {
            return;
        }
        authenticator.authenticate(ctx);
    }

    // Routes ignore one trailing slash; any other spelling of an open path simply needs credentials.
    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
