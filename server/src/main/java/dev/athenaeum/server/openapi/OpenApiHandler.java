package dev.athenaeum.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athenaeum.index.Version;
import dev.athenaeum.server.auth.AuthSettings;
import dev.athenaeum.server.http.Json;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the API description, kept by hand in {@code openapi.json} beside this class (a test
 * checks it against the real routes). Only the security part is filled in here, from the configured
 * authentication, so the document never claims a protection the server does not enforce, or the reverse.
 */
public final class OpenApiHandler {

    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    public OpenApiHandler(AuthSettings auth) {
        this.document = Json.bytes(document(auth));
    }

    public static ObjectNode document(AuthSettings auth) {
        ObjectNode doc = load();
        ((ObjectNode) doc.get("info")).put("version", Version.current());
        ObjectNode components = (ObjectNode) doc.get("components");
        ArrayNode security = doc.putArray("security");
        switch (auth) {
            case AuthSettings.None none -> doc.remove("security");
            case AuthSettings.ApiKey key -> {
                ObjectNode schemes = components.putObject("securitySchemes");
                schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
                        .put("description", "The API key as a bearer token: 'Authorization: Bearer KEY'.");
                schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "x-api-key")
                        .put("description", "The API key in the x-api-key header.");
                security.addObject().putArray("bearer");
                security.addObject().putArray("apiKey");
            }
            case AuthSettings.Jwt jwt -> {
                components.putObject("securitySchemes").putObject("bearer").put("type", "http")
                        .put("scheme", "bearer").put("bearerFormat", "JWT")
                        .put("description", "A JWT signed with RS256 or ES256 by " + jwt.issuer()
                                + " for the audience " + jwt.audience() + ".");
                security.addObject().putArray("bearer");
            }
        }
        return doc;
    }

    public void handle(Context ctx) {
        ctx.contentType("application/json").result(document);
    }

    private static ObjectNode load() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
