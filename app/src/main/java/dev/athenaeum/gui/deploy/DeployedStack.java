package dev.athenaeum.gui.deploy;

import java.util.Objects;

/**
 * What the workbench remembers of a knowledge base's deployment, so that opening the wizard again offers to update
 * or destroy it: where it is and the choices it was made with. Never a key or a token.
 *
 * @param profile empty for the SDK's default credentials
 * @param url     the deployed API's address, empty when the stack reported none
 */
public record DeployedStack(String name, String environment, String region, String profile, String url,
                            String bucket, String deployedAt, WizardChoices choices) {

    public DeployedStack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(region, "region");
        profile = profile == null ? "" : profile;
        url = url == null ? "" : url;
        bucket = bucket == null ? "" : bucket;
        deployedAt = deployedAt == null ? "" : deployedAt;
        Objects.requireNonNull(choices, "choices");
    }

    public String stackName() {
        return "athenaeum-" + name + "-" + environment;
    }
}
