package dev.athenaeum.deploy.template;

/**
 * The template's parameters: what changes between deployments of the same settings (a new image, a new index
 * version) or exists only at deploy time (the secret's ARN), so the template itself stays the same.
 */
public final class TemplateParameters {

    public static final String IMAGE_URI = "ImageUri";
    public static final String INDEX_PREFIX = "IndexPrefix";
    public static final String OPENAI_KEY_SECRET_ARN = "OpenAiKeySecretArn";

    private TemplateParameters() {
    }
}
