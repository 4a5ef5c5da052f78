package dev.athenaeum.server.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The container image's entry point in AWS Lambda: downloads and verifies the index, starts the HTTP API on
 * loopback and relays Lambda's HTTP events to it (see docs/decisions/0008-lambda-entry.md).
 */
public final class LambdaMain {

    static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";
    private static final Logger log = LoggerFactory.getLogger(LambdaMain.class);

    private LambdaMain() {
    }

    public static void main(String[] args) {
        Optional<ServerStarter> starter = ServiceLoader.load(ServerStarter.class).findFirst();
        System.exit(run(System.getenv(), starter, AwsClients::withDefaultCredentials));
    }

    /** Returns the exit code; it returns at all only when init failed or the Runtime API went away. */
    static int run(Map<String, String> env, Optional<ServerStarter> starter, Function<AwsSettings, AwsClients> aws) {
        String api = env.get(RUNTIME_API);
        if (api == null || api.isBlank()) {
            log.error("{} is not set: this program is the entry of the Lambda container image; run the server directly"
                    + " elsewhere", RUNTIME_API);
            return 2;
        }
        RuntimeApiClient runtime = new RuntimeApiClient(api);
        return new RuntimeLoop(runtime).run(() -> {
            LambdaConfig config = LambdaConfig.fromEnvironment(env);
            ServerStarter s = starter.orElseThrow(() -> new IllegalStateException("no " + ServerStarter.class.getName()
                    + " is registered (META-INF/services): the image lacks the server module"));
            ColdStart.Warm warm = new ColdStart(config, s, aws.apply(config.aws())).start();
            return new InvocationHandler(runtime, warm.local(), config.responseStreaming(), warm.watch()::changed);
        });
    }
}
