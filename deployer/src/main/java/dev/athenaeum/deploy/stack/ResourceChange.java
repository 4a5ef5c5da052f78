package dev.athenaeum.deploy.stack;

import java.util.Optional;

/**
 * One line of a change set.
 *
 * @param action      Add, Modify, Remove, …
 * @param replacement for Modify: True (a new resource replaces the old), False, or Conditional
 */
public record ResourceChange(String action, String logicalId, String resourceType, Optional<String> replacement) {

    public ResourceChange {
        replacement = replacement == null ? Optional.empty() : replacement;
    }

    @Override
    public String toString() {
        return action + " " + logicalId + " (" + resourceType + ")"
                + replacement.filter(r -> !"False".equals(r)).map(r -> ", replacement: " + r).orElse("");
    }
}
