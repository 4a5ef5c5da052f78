package dev.athenaeum.gui.deploy;

/** The wizard's pages, in order. */
public enum WizardStep {
    ACCOUNT("Account"),
    SETTINGS("Settings"),
    COST("Cost"),
    REVIEW("Review"),
    DEPLOY("Deploy"),
    DONE("Done");

    private final String title;

    WizardStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
