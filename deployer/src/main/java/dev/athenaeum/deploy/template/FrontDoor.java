package dev.athenaeum.deploy.template;

import java.util.Locale;

/**
 * How requests reach the function. An API Gateway HTTP API gives a JWT authorizer and CORS at the edge but buffers
 * answers and gives up after 30 s; a Function URL streams answers for as long as the function's timeout allows.
 */
public enum FrontDoor {
    HTTP_API("http-api"), FUNCTION_URL("function-url"), BOTH("both");

    private final String id;

    FrontDoor(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean hasHttpApi() {
        return this != FUNCTION_URL;
    }

    public boolean hasFunctionUrl() {
        return this != HTTP_API;
    }

    public static FrontDoor parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (FrontDoor f : values()) {
            if (f.id.equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown front door '" + s + "': use http-api, function-url or both");
    }
}
