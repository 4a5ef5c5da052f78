package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the OpenAI key: {@code OPENAI_API_KEY} itself, or the secret {@code OPENAI_API_KEY_SECRET_ARN} names, whose
 * SecretString is either the bare key or JSON {@code {"OPENAI_API_KEY": "..."}} (the console's key/value form).
 * No message here ever contains the secret's content: JSON parser errors quote their input, so they are dropped.
 */
public final class OpenAiKeyResolver {

    static final String JSON_FIELD = "OPENAI_API_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiKeyResolver() {
    }

    /** The configured key, if any; the Secrets Manager client is only made when a secret must be read. */
    public static Optional<ApiKey> resolve(LambdaConfig config, Supplier<SecretsManagerClient> secrets) {
        if (config.openAiKey().isPresent()) {
            return config.openAiKey();
        }
        return config.openAiKeySecretArn().map(arn -> {
            try (SecretsManagerClient client = secrets.get()) {
                return fromSecret(arn, client);
            }
        });
    }

    static ApiKey fromSecret(String arn, SecretsManagerClient client) {
        GetSecretValueResponse value;
        try {
            value = client.getSecretValue(r -> r.secretId(arn));
        } catch (SecretsManagerException e) {
            String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new IllegalStateException("cannot read the secret OPENAI_API_KEY_SECRET_ARN names (" + arn + "): "
                    + detail, e);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot reach Secrets Manager for " + arn + ": "
                    + Messages.firstLine(e.getMessage()), e);
        }
        if (value.secretString() == null) {
            throw new IllegalStateException("the secret " + arn + " is binary: store the OpenAI key as its SecretString");
        }
        return parse(arn, value.secretString());
    }

    /** The bare key, or the {@value #JSON_FIELD} field of a JSON object. */
    static ApiKey parse(String arn, String secretString) {
        String s = secretString.strip();
        if (s.isEmpty()) {
            throw new IllegalStateException("the secret " + arn + " is empty");
        }
        if (!s.startsWith("{")) {
            return new ApiKey(s);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the secret " + arn + " starts like JSON but is not valid JSON");
        }
        JsonNode key = tree.get(JSON_FIELD);
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            throw new IllegalStateException("the secret " + arn + " is JSON without a non-empty string field "
                    + JSON_FIELD);
        }
        return new ApiKey(key.asText());
    }
}
