package dev.athenaeum.cli;

import dev.athenaeum.server.auth.AuthSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code serve}'s authentication options. The key is read from a file, never taken on the command line, where
 * other users of the machine could see it in the process list.
 */
final class ServeAuthOptions {

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none",
            description = "none (default), api-key (--api-key-file) or jwt (--jwt-issuer, --jwt-audience, --jwks-url).")
    String mode;

    @Option(names = "--api-key-file", paramLabel = "F",
            description = "File holding the API key clients send as 'Authorization: Bearer KEY' or 'x-api-key: KEY'.")
    Path apiKeyFile;

    @Option(names = "--jwt-issuer", paramLabel = "ISSUER", description = "The iss every token must carry.")
    String jwtIssuer;

    @Option(names = "--jwt-audience", paramLabel = "AUDIENCE", description = "The aud every token must carry.")
    String jwtAudience;

    @Option(names = "--jwks-url", paramLabel = "URL", description = "Where the issuer publishes its signing keys (JWKS).")
    String jwksUrl;

    /** The settings the options describe; {@link IllegalArgumentException} for incomplete or contradictory ones. */
    AuthSettings settings() throws IOException {
        boolean jwtOptions = jwtIssuer != null || jwtAudience != null || jwksUrl != null;
        return switch (mode) {
            case "none" -> {
                if (apiKeyFile != null || jwtOptions) {
                    throw new IllegalArgumentException("--api-key-file and the --jwt options need --auth api-key or --auth jwt");
                }
                yield AuthSettings.none();
            }
            case "api-key" -> {
                if (jwtOptions) {
                    throw new IllegalArgumentException("the --jwt options need --auth jwt, not api-key");
                }
                yield new AuthSettings.ApiKey(readKey());
            }
            case "jwt" -> {
                if (apiKeyFile != null) {
                    throw new IllegalArgumentException("--api-key-file needs --auth api-key, not jwt");
                }
                yield AuthSettings.Jwt.of(jwtIssuer, jwtAudience, jwksUrl);
            }
            default -> throw new IllegalArgumentException("unknown --auth '" + mode + "': use none, api-key or jwt");
        };
    }

    private String readKey() throws IOException {
        if (apiKeyFile == null) {
            throw new IllegalArgumentException("--auth api-key needs --api-key-file F (a file holding the key)");
        }
        if (!Files.isRegularFile(apiKeyFile)) {
            throw new IllegalArgumentException("the API key file " + apiKeyFile + " does not exist");
        }
        String key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the API key file " + apiKeyFile + " is empty");
        }
        return key;
    }
}
