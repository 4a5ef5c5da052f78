package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.template.Architecture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What image to build and where to push it.
 *
 * @param baseImage        a public image with a Linux JRE 21 or newer
 * @param targetImage      the repository and tag to push to, e.g. {@code 123….dkr.ecr.eu-west-1.amazonaws.com/athenaeum:2026-11-23}
 * @param javaCommand      the JRE's launcher in the base image
 * @param environment      the image's environment, beyond the base image's
 * @param allowInsecure    HTTP and unverified TLS for registries on this machine (tests); never for ECR
 */
public record ImageSettings(String baseImage, Optional<RegistryCredentials> baseCredentials, String targetImage,
                           Optional<RegistryCredentials> targetCredentials, Architecture architecture,
                           String javaCommand, Map<String, String> environment, boolean allowInsecure) {

    public static final String DEFAULT_BASE = "public.ecr.aws/amazoncorretto/amazoncorretto:21-al2023-headless";
    /**
     * As in the repository's Dockerfile: serial GC for one or two vCPUs, SIMD for the vector search, ONNX Runtime's
     * libraries from where the image keeps them unpacked.
     */
    public static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of(
            "ATHENAEUM_INDEX_DIR", "/tmp/athenaeum/index",
            "JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -Xshare:auto --add-modules=jdk.incubator.vector"
                    + " --enable-native-access=ALL-UNNAMED -Donnxruntime.native.path=" + OnnxNatives.DIR);

    public ImageSettings {
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(targetImage, "targetImage");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(javaCommand, "javaCommand");
        baseCredentials = baseCredentials == null ? Optional.empty() : baseCredentials;
        targetCredentials = targetCredentials == null ? Optional.empty() : targetCredentials;
        environment = Map.copyOf(environment);
    }

    public static Builder builder(String targetImage) {
        return new Builder(targetImage);
    }

    public static final class Builder {
        private String baseImage = DEFAULT_BASE;
        private RegistryCredentials baseCredentials;
        private final String targetImage;
        private RegistryCredentials targetCredentials;
        private Architecture architecture = Architecture.X86_64;
        private String javaCommand = "java";
        private final Map<String, String> environment = new LinkedHashMap<>(DEFAULT_ENVIRONMENT);
        private boolean allowInsecure;

        private Builder(String targetImage) {
            this.targetImage = targetImage;
        }

        public Builder baseImage(String image) {
            this.baseImage = image;
            return this;
        }

        public Builder baseCredentials(RegistryCredentials credentials) {
            this.baseCredentials = credentials;
            return this;
        }

        public Builder targetCredentials(RegistryCredentials credentials) {
            this.targetCredentials = credentials;
            return this;
        }

        public Builder architecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder javaCommand(String command) {
            this.javaCommand = command;
            return this;
        }

        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder allowInsecure(boolean allow) {
            this.allowInsecure = allow;
            return this;
        }

        public ImageSettings build() {
            return new ImageSettings(baseImage, Optional.ofNullable(baseCredentials), targetImage,
                    Optional.ofNullable(targetCredentials), architecture, javaCommand, environment, allowInsecure);
        }
    }
}
