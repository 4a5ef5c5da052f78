package dev.athenaeum.deploy.stack;

/** A secret the deployer stores in Secrets Manager; it never prints itself. */
public record SecretValue(String value) {

    public SecretValue {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the secret is empty");
        }
        value = value.strip();
    }

    @Override
    public String toString() {
        return "SecretValue[****]";
    }
}
