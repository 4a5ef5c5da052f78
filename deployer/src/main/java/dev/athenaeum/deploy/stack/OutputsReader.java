package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.template.StackOutputNames;
import dev.athenaeum.deploy.template.TemplateParameters;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a stack's outputs. Where an output is missing (emulators do not always evaluate outputs after a change
 * set) the bucket and function names are the physical ids of their resources, which mean the same.
 */
final class OutputsReader {

    private OutputsReader() {
    }

    static StackOutputs read(CloudFormationClient cfn, String stackName) {
        Stack stack = Stacks.find(cfn, stackName)
                .orElseThrow(() -> new StackException("there is no stack named " + stackName + " in this region"));
        Map<String, String> out = stack.outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> b));
        return new StackOutputs(stackName, stack.stackStatusAsString(),
                url(out.get(StackOutputNames.API_URL)), url(out.get(StackOutputNames.FUNCTION_URL)),
                value(cfn, stackName, out, StackOutputNames.BUCKET_NAME, StackOutputNames.BUCKET_RESOURCE)
                        .orElseThrow(() -> new StackException("the stack " + stackName + " has no index bucket")),
                value(cfn, stackName, out, StackOutputNames.FUNCTION_NAME, StackOutputNames.FUNCTION_RESOURCE)
                        .orElseThrow(() -> new StackException("the stack " + stackName + " has no function")),
                value(cfn, stackName, out, StackOutputNames.STREAM_FUNCTION_NAME, StackOutputNames.STREAM_FUNCTION_RESOURCE),
                stack.parameters().stream().filter(p -> TemplateParameters.INDEX_PREFIX.equals(p.parameterKey()))
                        .map(p -> p.parameterValue()).findFirst());
    }

    /** The bucket's name, if the stack and its bucket exist. */
    static Optional<String> bucket(CloudFormationClient cfn, String stackName) {
        return Stacks.find(cfn, stackName).flatMap(s -> value(cfn, stackName,
                s.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> b)),
                StackOutputNames.BUCKET_NAME, StackOutputNames.BUCKET_RESOURCE));
    }

    private static Optional<String> value(CloudFormationClient cfn, String stackName, Map<String, String> out,
                                          String output, String logicalId) {
        if (out.containsKey(output)) {
            return Optional.of(out.get(output));
        }
        try {
            for (var page : cfn.listStackResourcesPaginator(b -> b.stackName(stackName))) {
                for (var r : page.stackResourceSummaries()) {
                    if (logicalId.equals(r.logicalResourceId()) && r.physicalResourceId() != null
                            && !r.physicalResourceId().isBlank()) {
                        return Optional.of(r.physicalResourceId());
                    }
                }
            }
        } catch (CloudFormationException e) {
            if (!Stacks.doesNotExist(e)) {
                throw e;
            }
        }
        return Optional.empty();
    }

    // Unevaluated outputs (an emulator's ${…}) are no URL.
    private static Optional<URI> url(String v) {
        if (v == null || !v.startsWith("http") || v.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(URI.create(v));
    }
}
