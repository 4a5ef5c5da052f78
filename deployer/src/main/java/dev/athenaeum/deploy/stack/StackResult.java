package dev.athenaeum.deploy.stack;

import java.util.List;
import java.util.Objects;

/**
 * A finished deployment.
 *
 * @param changed whether anything changed; false when the stack already matched the settings
 * @param changes what the change set did
 */
public record StackResult(StackOutputs outputs, boolean changed, List<ResourceChange> changes) {

    public StackResult {
        Objects.requireNonNull(outputs, "outputs");
        changes = List.copyOf(changes);
    }
}
