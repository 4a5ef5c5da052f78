package dev.athenaeum.deploy.stack;

/**
 * What destroy removed.
 *
 * @param stackDeleted   the stack existed and is gone
 * @param objectsDeleted index objects (every version) removed from the bucket first
 * @param secretDeleted  the OpenAI key's secret existed and is gone
 */
public record DestroyReport(String stackName, boolean stackDeleted, long objectsDeleted, boolean secretDeleted) {
}
