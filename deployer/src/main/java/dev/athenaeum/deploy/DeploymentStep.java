package dev.athenaeum.deploy;

/** The steps of a deployment, in the order they run. */
public enum DeploymentStep {
    ACCOUNT("check the AWS account"),
    COST("estimate the monthly cost"),
    IMAGE("provide the server image"),
    PLAN("plan the stack"),
    EXECUTE("create or update the stack"),
    INDEX("upload the index"),
    HEALTH("check the deployed service");

    private final String title;

    DeploymentStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
