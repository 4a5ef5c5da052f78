package dev.athenaeum.deploy.stack;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.util.Optional;

/** Looking stacks up by name, where "does not exist" is an answer rather than an error. */
final class Stacks {

    private Stacks() {
    }

    static Optional<Stack> find(CloudFormationClient cfn, String name) {
        try {
            return cfn.describeStacks(b -> b.stackName(name)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (doesNotExist(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean doesNotExist(CloudFormationException e) {
        String m = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return e.statusCode() == 400 && m != null && m.contains("does not exist");
    }
}
