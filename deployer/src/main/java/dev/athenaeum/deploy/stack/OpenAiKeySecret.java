package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.template.DeploymentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.util.Optional;

/**
 * The OpenAI key lives in one Secrets Manager secret per stack, written through the API; the template and the
 * function's environment carry only its ARN, and only the function's role may read it.
 */
final class OpenAiKeySecret {

    private static final Logger log = LoggerFactory.getLogger(OpenAiKeySecret.class);

    private OpenAiKeySecret() {
    }

    /** Stores the key (a new secret, or a new version of the existing one) and returns the secret's ARN. */
    static String store(SecretsManagerClient sm, DeploymentSettings s, SecretValue key) {
        String name = s.secretName();
        try {
            String arn = sm.createSecret(b -> b.name(name).secretString(key.value())
                    .description("OpenAI API key of the Athenaeum stack " + s.stackName())
                    .tags(Tag.builder().key("athenaeum:stack").value(s.stackName()).build())).arn();
            log.info("stored the OpenAI key in the new secret {}", name);
            return arn;
        } catch (ResourceExistsException e) {
            sm.putSecretValue(b -> b.secretId(name).secretString(key.value()));
            log.info("stored the OpenAI key as a new version of the secret {}", name);
            return sm.describeSecret(b -> b.secretId(name)).arn();
        } catch (InvalidRequestException e) {
            // A secret scheduled for deletion keeps its name until then: bring it back and give it the new key.
            sm.restoreSecret(b -> b.secretId(name));
            sm.putSecretValue(b -> b.secretId(name).secretString(key.value()));
            log.info("restored the secret {} and stored the OpenAI key in it", name);
            return sm.describeSecret(b -> b.secretId(name)).arn();
        }
    }

    static Optional<String> existing(SecretsManagerClient sm, DeploymentSettings s) {
        try {
            var d = sm.describeSecret(b -> b.secretId(s.secretName()));
            return d.deletedDate() == null ? Optional.of(d.arn()) : Optional.empty();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Deletes the secret at once (no recovery window: destroy means gone). Returns whether it existed. */
    static boolean delete(SecretsManagerClient sm, DeploymentSettings s) {
        try {
            // A forced delete of a missing secret succeeds quietly, so ask first to report honestly.
            sm.describeSecret(b -> b.secretId(s.secretName()));
            sm.deleteSecret(b -> b.secretId(s.secretName()).forceDeleteWithoutRecovery(true));
            log.info("deleted the secret {}", s.secretName());
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
