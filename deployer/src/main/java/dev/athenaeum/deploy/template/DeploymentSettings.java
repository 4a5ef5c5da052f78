package dev.athenaeum.deploy.template;

import dev.athenaeum.chat.ChatProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything one deployed knowledge base is made of, validated: each wrong value is refused with one line that says
 * what is allowed. Build it with {@link #builder()}.
 *
 * @param name               the knowledge base's short name (lower-case letters, digits, hyphens)
 * @param bucketName         a fixed name for the index bucket, or empty to let CloudFormation pick a unique one
 * @param openAiKeySecret    whether the function reads an OpenAI key from the stack's Secrets Manager secret
 * @param imageUri           the server image, or {@link ImageUri#TO_BE_BUILT} (the default) to build it at deploy time
 * @param bucketVersioning   keep earlier versions of index files in the bucket
 */
public record DeploymentSettings(String name, Environment environment, int memoryMb, int timeoutSeconds,
                                 int ephemeralStorageMb, Architecture architecture, ImageUri imageUri,
                                 Optional<JwtAuth> jwt, FrontDoor frontDoor, List<String> corsOrigins,
                                 ChatProvider chatProvider, Optional<String> chatModel, Optional<String> chatBaseUrl,
                                 boolean openAiKeySecret, Optional<String> bucketName, int logRetentionDays,
                                 boolean bucketVersioning) {

    /** API Gateway stops waiting for an integration after this long, whatever the function's timeout. */
    public static final int HTTP_API_TIMEOUT_SECONDS = 30;
    /** Every index version lives under this prefix of the bucket; the function may read nothing else. */
    public static final String INDEX_ROOT = "kb";

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public DeploymentSettings {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the stack name '" + name + "' must be 1 to 30 lower-case letters,"
                    + " digits or hyphens, starting and ending with a letter or digit");
        }
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(frontDoor, "frontDoor");
        Objects.requireNonNull(chatProvider, "chatProvider");
        Objects.requireNonNull(imageUri, "imageUri");
        range("memory", memoryMb, 128, 10240, "MB");
        range("timeout", timeoutSeconds, 1, 900, "s");
        range("ephemeral storage", ephemeralStorageMb, 512, 10240, "MB");
        if (frontDoor == FrontDoor.HTTP_API && timeoutSeconds > HTTP_API_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("a timeout of " + timeoutSeconds + " s is no use behind the HTTP API:"
                    + " API Gateway gives up after " + HTTP_API_TIMEOUT_SECONDS + " s (a hard limit), so use at most "
                    + HTTP_API_TIMEOUT_SECONDS + " s, or the function-url or both front door for longer answers");
        }
        jwt = jwt == null ? Optional.empty() : jwt;
        corsOrigins = List.copyOf(corsOrigins == null ? List.of() : corsOrigins);
        for (String origin : corsOrigins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("the CORS origin '" + origin
                        + "' must be * or scheme://host[:port] with no path, e.g. https://app.example.com");
            }
        }
        chatModel = blankToEmpty(chatModel);
        chatBaseUrl = blankToEmpty(chatBaseUrl);
        if (chatProvider == ChatProvider.OPENAI && !openAiKeySecret) {
            throw new IllegalArgumentException("the openai chat provider needs an OpenAI key: give one to store as a secret");
        }
        if (chatProvider == ChatProvider.OLLAMA && chatBaseUrl.isEmpty()) {
            throw new IllegalArgumentException("the ollama chat provider needs the base URL of an Ollama the function can reach");
        }
        bucketName = blankToEmpty(bucketName);
        bucketName.ifPresent(b -> {
            if (!BUCKET.matcher(b).matches() || b.contains("..")) {
                throw new IllegalArgumentException("the bucket name '" + b + "' must be 3 to 63 lower-case letters,"
                        + " digits, dots or hyphens, starting and ending with a letter or digit");
            }
        });
        if (!RETENTION_DAYS.contains(logRetentionDays)) {
            throw new IllegalArgumentException("log retention of " + logRetentionDays + " days is not one CloudWatch"
                    + " offers: use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, … days");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The CloudFormation stack: one per knowledge base and environment. */
    public String stackName() {
        return "athenaeum-" + name + "-" + environment.id();
    }

    /** The ECR repository the deployment builds the server image into; destroy deletes it. */
    public String imageRepository() {
        return stackName();
    }

    /** These settings with the image that was built for them. */
    public DeploymentSettings withImage(ImageUri image) {
        return builder().from(this).imageUri(image.value()).build();
    }

    /** The function behind the HTTP API, or the only one. */
    public String functionName() {
        return stackName();
    }

    /** With both front doors, the Function URL gets a second function of the same image that streams. */
    public Optional<String> streamingFunctionName() {
        return frontDoor == FrontDoor.BOTH ? Optional.of(stackName() + "-stream") : Optional.empty();
    }

    /** The Secrets Manager secret that holds the OpenAI key, named after the stack so destroy finds it. */
    public String secretName() {
        return "athenaeum/" + name + "/" + environment.id() + "/openai-api-key";
    }

    /** Things that are allowed but worth knowing before deploying. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (frontDoor == FrontDoor.BOTH && timeoutSeconds > HTTP_API_TIMEOUT_SECONDS) {
            w.add("requests through the HTTP API still stop after " + HTTP_API_TIMEOUT_SECONDS
                    + " s (an API Gateway limit); use the Function URL for long or streamed answers");
        }
        if (corsOrigins.contains("*")) {
            w.add("CORS origin * lets every web page call this API from a browser");
        }
        if (jwt.isEmpty()) {
            w.add("without authentication anyone who knows the URL can search and chat (and spend on the OpenAI key)");
        }
        return List.copyOf(w);
    }

    private static void range(String what, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("the " + what + " must be between " + min + " and " + max + " " + unit
                    + ", not " + value);
        }
    }

    private static Optional<String> blankToEmpty(Optional<String> v) {
        return v == null ? Optional.empty() : v.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static final class Builder {
        private String name;
        private Environment environment = Environment.DEV;
        private int memoryMb = 2048;
        private int timeoutSeconds = HTTP_API_TIMEOUT_SECONDS;
        private int ephemeralStorageMb = 1024;
        private Architecture architecture = Architecture.X86_64;
        private ImageUri imageUri = ImageUri.TO_BE_BUILT;
        private JwtAuth jwt;
        private FrontDoor frontDoor = FrontDoor.HTTP_API;
        private List<String> corsOrigins = List.of();
        private ChatProvider chatProvider = ChatProvider.NONE;
        private String chatModel;
        private String chatBaseUrl;
        private boolean openAiKeySecret;
        private String bucketName;
        private int logRetentionDays = 30;
        private boolean bucketVersioning;

        private Builder() {
        }

        public Builder name(String v) { name = v; return this; }
        public Builder environment(Environment v) { environment = v; return this; }
        public Builder memoryMb(int v) { memoryMb = v; return this; }
        public Builder timeoutSeconds(int v) { timeoutSeconds = v; return this; }
        public Builder ephemeralStorageMb(int v) { ephemeralStorageMb = v; return this; }
        public Builder architecture(Architecture v) { architecture = v; return this; }
        public Builder imageUri(String v) { imageUri = v == null ? ImageUri.TO_BE_BUILT : new ImageUri(v); return this; }
        public Builder jwt(JwtAuth v) { jwt = v; return this; }
        public Builder frontDoor(FrontDoor v) { frontDoor = v; return this; }
        public Builder corsOrigins(List<String> v) { corsOrigins = v; return this; }
        public Builder chatProvider(ChatProvider v) { chatProvider = v; return this; }
        public Builder chatModel(String v) { chatModel = v; return this; }
        public Builder chatBaseUrl(String v) { chatBaseUrl = v; return this; }
        public Builder openAiKeySecret(boolean v) { openAiKeySecret = v; return this; }
        public Builder bucketName(String v) { bucketName = v; return this; }
        public Builder logRetentionDays(int v) { logRetentionDays = v; return this; }
        public Builder bucketVersioning(boolean v) { bucketVersioning = v; return this; }

        /** Starts from existing settings, e.g. to change one value for an update. */
        public Builder from(DeploymentSettings s) {
            name = s.name; environment = s.environment; memoryMb = s.memoryMb; timeoutSeconds = s.timeoutSeconds;
            ephemeralStorageMb = s.ephemeralStorageMb; architecture = s.architecture; imageUri = s.imageUri;
            jwt = s.jwt.orElse(null); frontDoor = s.frontDoor; corsOrigins = s.corsOrigins;
            chatProvider = s.chatProvider; chatModel = s.chatModel.orElse(null);
            chatBaseUrl = s.chatBaseUrl.orElse(null); openAiKeySecret = s.openAiKeySecret;
            bucketName = s.bucketName.orElse(null); logRetentionDays = s.logRetentionDays;
            bucketVersioning = s.bucketVersioning;
            return this;
        }

        public DeploymentSettings build() {
            return new DeploymentSettings(name, environment, memoryMb, timeoutSeconds, ephemeralStorageMb,
                    architecture, imageUri, Optional.ofNullable(jwt), frontDoor, corsOrigins, chatProvider,
                    Optional.ofNullable(chatModel), Optional.ofNullable(chatBaseUrl), openAiKeySecret,
                    Optional.ofNullable(bucketName), logRetentionDays, bucketVersioning);
        }
    }
}
