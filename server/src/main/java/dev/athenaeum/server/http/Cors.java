package dev.athenaeum.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.List;

/**
 * Cross-origin access for browser apps, through Javalin's CORS plugin; off unless origins are configured, so by
 * default no web page can read the API's answers.
 */
public final class Cors {

    /** How long browsers may cache a preflight answer, in seconds. */
    static final int PREFLIGHT_MAX_AGE = 600;

    private Cors() {
    }

    public static void configure(JavalinConfig cfg, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (origins.contains("*")) {
                rule.anyHost();
            } else {
                origins.forEach(rule::allowHost);
            }
            rule.maxAge = PREFLIGHT_MAX_AGE;
        }));
        // The plugin marks a request from an origin it does not allow with status 400 and lets it through; refuse it
        // here, before any handler runs, in the API's error shape.
        cfg.routes.beforeMatched(Cors::rejectDisallowedOrigin);
    }

    private static void rejectDisallowedOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && ctx.statusCode() == 400 && ctx.res().getHeader("Access-Control-Allow-Origin") == null) {
            ctx.status(200);
            throw new ApiError(403, ApiError.PERMISSION, "origin_not_allowed",
                    "the origin " + printable(origin) + " may not call this API");
        }
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
