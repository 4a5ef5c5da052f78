package dev.athenaeum.gui.deploy;

/**
 * The settings step's choices as the user typed them (validated only when the wizard moves on), kept with a
 * deployment so that "update stack" starts from them.
 */
public record WizardChoices(int memoryMb, int timeoutSeconds, String architecture, String frontDoor, String auth,
                            String jwtIssuer, String jwtAudience, String jwksUrl, String provider, String chatModel,
                            String ollamaUrl, String imageUri, long monthlyRequests) {

    public static final WizardChoices DEFAULT = new WizardChoices(2048, 30, "x86_64", "http-api", "none", "", "", "",
            "none", "", "", "", 10_000);

    public WizardChoices {
        architecture = blank(architecture, "x86_64");
        frontDoor = blank(frontDoor, "http-api");
        auth = blank(auth, "none");
        jwtIssuer = blank(jwtIssuer, "");
        jwtAudience = blank(jwtAudience, "");
        jwksUrl = blank(jwksUrl, "");
        provider = blank(provider, "none");
        chatModel = blank(chatModel, "");
        ollamaUrl = blank(ollamaUrl, "");
        imageUri = blank(imageUri, "");
    }

    private static String blank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
