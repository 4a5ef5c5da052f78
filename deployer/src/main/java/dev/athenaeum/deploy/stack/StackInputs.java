package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.template.DeploymentSettings;

import java.util.Objects;
import java.util.Optional;

/**
 * What a deployment needs beyond its settings.
 *
 * @param indexPrefix the index version the function loads, under {@value DeploymentSettings#INDEX_ROOT}/
 * @param openAiKey   a new OpenAI key to store; empty keeps the one stored before
 */
public record StackInputs(String indexPrefix, Optional<SecretValue> openAiKey) {

    private static final java.util.regex.Pattern PREFIX =
            java.util.regex.Pattern.compile(DeploymentSettings.INDEX_ROOT + "/[A-Za-z0-9._/-]*");

    public StackInputs {
        Objects.requireNonNull(indexPrefix, "indexPrefix");
        // The same rule as the template's AllowedPattern, so a wrong prefix is refused here and not by CloudFormation.
        if (!PREFIX.matcher(indexPrefix).matches() || indexPrefix.contains("..")) {
            throw new IllegalArgumentException("the index prefix '" + indexPrefix + "' must lie under "
                    + DeploymentSettings.INDEX_ROOT + "/ and use only letters, digits and . _ / -, e.g. "
                    + DeploymentSettings.INDEX_ROOT + "/2026-03-10T14-00/");
        }
        openAiKey = openAiKey == null ? Optional.empty() : openAiKey;
    }

    public static StackInputs of(String indexPrefix) {
        return new StackInputs(indexPrefix, Optional.empty());
    }

    public StackInputs withOpenAiKey(SecretValue key) {
        return new StackInputs(indexPrefix, Optional.of(key));
    }
}
