package dev.athenaeum.deploy.stack;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a deployed knowledge base is reached and what it is made of.
 *
 * @param apiUrl             the HTTP API's URL, with that front door
 * @param functionUrl        the Function URL, with that front door
 * @param streamFunctionName with both front doors, the function behind the Function URL
 * @param indexPrefix        the index version the stack's functions were deployed with
 */
public record StackOutputs(String stackName, String status, Optional<URI> apiUrl, Optional<URI> functionUrl,
                           String bucketName, String functionName, Optional<String> streamFunctionName,
                           Optional<String> indexPrefix) {

    public StackOutputs {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(status, "status");
        apiUrl = apiUrl == null ? Optional.empty() : apiUrl;
        functionUrl = functionUrl == null ? Optional.empty() : functionUrl;
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(functionName, "functionName");
        streamFunctionName = streamFunctionName == null ? Optional.empty() : streamFunctionName;
        indexPrefix = indexPrefix == null ? Optional.empty() : indexPrefix;
    }
}
