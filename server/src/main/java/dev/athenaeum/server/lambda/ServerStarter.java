package dev.athenaeum.server.lambda;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the Athenaeum HTTP API inside the Lambda container. The Lambda entry does not know the server's classes:
 * the server module registers its implementation in {@code META-INF/services/dev.athenaeum.server.lambda.ServerStarter}
 * and {@link LambdaMain} finds it with {@link java.util.ServiceLoader}.
 */
@FunctionalInterface
public interface ServerStarter {

    /**
     * Starts the server on {@code 127.0.0.1} and returns its port once it accepts connections.
     *
     * @param indexDir  an index folder that {@code KnowledgeIndex.open} reads, already verified
     * @param openAiKey the key for chat completions, when one was configured
     */
    int start(Path indexDir, Optional<ApiKey> openAiKey) throws Exception;
}
