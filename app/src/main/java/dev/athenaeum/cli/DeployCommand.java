package dev.athenaeum.cli;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.deploy.Deployment;
import dev.athenaeum.deploy.DeploymentReport;
import dev.athenaeum.deploy.DeploymentRequest;
import dev.athenaeum.deploy.DryRun;
import dev.athenaeum.deploy.ConnectionHelp;
import dev.athenaeum.deploy.DeploymentCancelledException;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.deploy.StepOutcome;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.stack.SecretValue;
import dev.athenaeum.deploy.image.ImageSettings;
import dev.athenaeum.deploy.template.Architecture;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.FrontDoor;
import dev.athenaeum.deploy.template.JwtAuth;
import dev.athenaeum.index.IndexDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deploy an index to AWS Lambda as one CloudFormation stack (athenaeum-NAME-ENV).",
                "--dry-run shows the cost, the template and the changes without making them.",
                "The OpenAI key is read from OPENAI_API_KEY and kept in Secrets Manager, never on the command line."})
final class DeployCommand implements Callable<Integer> {

    /** How often a warm function looks for a new index (the Lambda entry's default check interval). */
    static final String UPDATE_NOTICE = "a minute";

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Folder of the index to deploy.")
    Path index;

    @Mixin
    StackOptions stack;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none",
            description = "none (default: anyone with the URL) or jwt.")
    String auth;

    @Option(names = "--jwt-issuer", paramLabel = "URL", description = "With --auth jwt: the tokens' issuer (https).")
    String jwtIssuer;

    @Option(names = "--jwt-audience", paramLabel = "AUD", description = "With --auth jwt: the tokens' audience.")
    String jwtAudience;

    @Option(names = "--jwks-url", paramLabel = "URL", description = "With --auth jwt: the issuer's signing keys (https).")
    String jwksUrl;

    @Option(names = "--front-door", paramLabel = "KIND", defaultValue = "http-api",
            description = "http-api (default), function-url (streams, no 30 s limit) or both.")
    String frontDoor;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "2048", description = "Function memory (default ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
            description = "Function timeout in seconds (default ${DEFAULT-VALUE}; at most 30 behind the HTTP API).")
    int timeoutSeconds;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64", description = "x86_64 (default) or arm64.")
    String arch;

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "none",
            description = "Chat provider of the deployed service: none (default), openai or ollama.")
    String provider;

    @Option(names = "--model", paramLabel = "MODEL", description = "The chat model, e.g. gpt-4o-mini.")
    String model;

    @Option(names = "--ollama-url", paramLabel = "URL", description = "With --provider ollama: an Ollama the function can reach.")
    String ollamaUrl;

    @Option(names = "--image-uri", paramLabel = "URI",
            description = {"Deploy this server image (in ECR, by digest: ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO@sha256:…)",
                    "instead of building one; e.g. built from the server's Dockerfile in a CI pipeline."})
    String imageUri;

    @Option(names = "--base-image", paramLabel = "IMAGE",
            description = "The base of the image built here: a Linux image with Java 21+ (default ${DEFAULT-VALUE}).",
            defaultValue = ImageSettings.DEFAULT_BASE)
    String baseImage;

    @Option(names = "--monthly-requests", paramLabel = "N", defaultValue = "10000",
            description = "Requests a month, for the cost estimate (default ${DEFAULT-VALUE}).")
    long monthlyRequests;

    @Option(names = "--dry-run", description = "Check the account, estimate the cost, print the template and the changes; change nothing.")
    boolean dryRun;

    @Option(names = "--update-index", description = "Only upload a new version of the index into the deployed stack.")
    boolean updateIndex;

    /** The process environment; tests hand in their own (an emulator's endpoint, test keys). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!new IndexDirectory(index).exists()) {
            throw usage("no index in " + index + ": build one with 'athenaeum index DIR --index " + index + "'");
        }
        AwsSession session = usage(() -> stack.session(stack.region(env), env));
        Deployment deployment = Deployment.standard(session, usage(() -> ImageSource.of(baseImage, env)));
        DeployProgress progress = new DeployProgress(out, err);
        Cancellation cancel = new Cancellation();
        try (CancelOnShutdown onCtrlC = CancelOnShutdown.install(cancel, err, "athenaeum: cancelled")) {
            if (updateIndex) {
                var environment = usage(stack::environment);
                StepOutcome outcome = deployment.updateIndex(stack.name, environment, index, progress, cancel);
                out.println(outcome);
                out.println("Running functions load it within " + UPDATE_NOTICE + " of their next request.");
                out.flush();
                return 0;
            }
            DeploymentRequest request = usage(this::request);
            if (dryRun) {
                return dryRun(deployment, request, out);
            }
            DeploymentReport report = deployment.deploy(request, progress, cancel);
            out.println();
            report.steps().forEach(s -> out.println("  " + s));
            out.println();
            out.print(ConnectionHelp.of(report.outputs(), request.settings().jwt().isPresent()));
            out.flush();
            return 0;
        } catch (DeploymentCancelledException e) {
            err.println("athenaeum: " + Errors.oneLine(e.getMessage()));
            err.flush();
            return IndexCommand.CANCELLED;
        }
    }

    private int dryRun(Deployment deployment, DeploymentRequest request, PrintWriter out) {
        DryRun run = deployment.dryRun(request, new DeployProgress(out, spec.commandLine().getErr()));
        out.print(run.cost().describe());
        out.println();
        out.println("Template:");
        out.println(run.plan().template().json());
        out.println();
        out.print(run.plan().summary());
        if (request.settings().imageUri().isToBeBuilt()) {
            out.println("note: the server image is built and pushed to ECR when deploying; the plan names it with a"
                    + " placeholder digest");
        }
        if (request.openAiKey().isPresent()) {
            out.println("note: the OpenAI key was stored in Secrets Manager as " + request.settings().secretName()
                    + " (the plan refers to it); destroy removes it");
        }
        out.println("Dry run: nothing else was created or changed.");
        out.flush();
        return 0;
    }

    private DeploymentRequest request() {
        ChatProvider chat = ChatProvider.parse(provider);
        Optional<SecretValue> key = Optional.empty();
        if (chat == ChatProvider.OPENAI) {
            String value = env.get("OPENAI_API_KEY");
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--provider openai needs the key in the environment variable"
                        + " OPENAI_API_KEY (it is stored in Secrets Manager, never passed on the command line)");
            }
            key = Optional.of(new SecretValue(value));
        }
        DeploymentSettings settings = DeploymentSettings.builder()
                .name(stack.name).environment(stack.environment()).memoryMb(memoryMb).timeoutSeconds(timeoutSeconds)
                .architecture(Architecture.parse(arch)).imageUri(imageUri).jwt(jwt())
                .frontDoor(FrontDoor.parse(frontDoor)).chatProvider(chat).chatModel(model).chatBaseUrl(ollamaUrl)
                .openAiKeySecret(chat == ChatProvider.OPENAI).build();
        return new DeploymentRequest(settings, index, key, monthlyRequests);
    }

    private JwtAuth jwt() {
        return switch (auth.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> {
                if (jwtIssuer != null || jwtAudience != null || jwksUrl != null) {
                    throw new IllegalArgumentException("--jwt-issuer, --jwt-audience and --jwks-url need --auth jwt");
                }
                yield null;
            }
            case "jwt" -> JwtAuth.of(jwtIssuer, jwtAudience, jwksUrl);
            default -> throw new IllegalArgumentException("unknown --auth '" + auth + "': use none or jwt");
        };
    }

    private <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
