package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.StackTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a deployment would do: the template, its parameter values, and the change set CloudFormation computed for
 * them. Execute it with {@link StackDeployer#execute}, or throw it away with {@link StackDeployer#discard}.
 *
 * @param changeSetId empty when there is nothing to change (no change set is kept then)
 * @param newStack    the stack does not exist yet
 * @param parameters  the template's parameter values (ARNs and names, never a secret)
 */
public record StackPlan(DeploymentSettings settings, StackTemplate template, Map<String, String> parameters,
                        Optional<String> changeSetId, boolean newStack, List<ResourceChange> changes,
                        List<String> warnings) {

    public StackPlan {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(template, "template");
        parameters = Map.copyOf(parameters);
        changeSetId = changeSetId == null ? Optional.empty() : changeSetId;
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public String stackName() {
        return settings.stackName();
    }

    public boolean hasChanges() {
        return changeSetId.isPresent();
    }

    /** The plan in a few lines, as a dry run prints it (the template is {@code template().json()}). */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(newStack ? "Create" : "Update").append(" stack ").append(stackName()).append('\n');
        new TreeMap<>(parameters).forEach((k, v) -> b.append("  parameter ").append(k).append(" = ").append(v).append('\n'));
        if (!hasChanges()) {
            b.append("  no changes: the stack already matches these settings\n");
        }
        changes.forEach(c -> b.append("  ").append(c).append('\n'));
        warnings.forEach(w -> b.append("  note: ").append(w).append('\n'));
        return b.toString();
    }
}
