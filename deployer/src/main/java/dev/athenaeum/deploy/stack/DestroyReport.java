package dev.athenaeum.deploy.stack;

/**
 * What destroy removed.
 *
 * @param stackDeleted      the stack existed and is gone
 * @param objectsDeleted    index objects (every version) removed from the bucket first
 * @param secretDeleted     the OpenAI key's secret existed and is gone
 * @param repositoryDeleted the stack's image repository existed and is gone with its images
 */
public record DestroyReport(String stackName, boolean stackDeleted, long objectsDeleted, boolean secretDeleted,
                            boolean repositoryDeleted) {

    /** What the stack's own destroy removed, before the image repository is looked at. */
    public DestroyReport(String stackName, boolean stackDeleted, long objectsDeleted, boolean secretDeleted) {
        this(stackName, stackDeleted, objectsDeleted, secretDeleted, false);
    }

    public DestroyReport withRepositoryDeleted(boolean deleted) {
        return new DestroyReport(stackName, stackDeleted, objectsDeleted, secretDeleted, deleted);
    }
}
