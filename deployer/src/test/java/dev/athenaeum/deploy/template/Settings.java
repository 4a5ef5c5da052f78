package dev.athenaeum.deploy.template;

/** Settings the template tests start from. */
final class Settings {

    static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum@sha256:"
            + "3f6a9c1e2b7d4f8a0c5e9b1d3f7a2c6e8b0d4f9a1c3e5b7d9f2a4c6e8b0d1f3a";

    private Settings() {
    }

    static DeploymentSettings.Builder base() {
        return DeploymentSettings.builder().name("notes").imageUri(IMAGE);
    }

    static JwtAuth jwt() {
        return JwtAuth.of("https://id.example.com/", "athenaeum", "https://id.example.com/.well-known/jwks.json");
    }
}
