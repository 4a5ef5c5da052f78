package dev.athenaeum.deploy.stack;

import java.util.Set;

/** What CloudFormation's stack statuses mean for a deployment. */
final class StackStatuses {

    /** The stack exists only as a failed or never-executed creation: nothing to keep, delete before creating. */
    static final Set<String> DEAD_ON_ARRIVAL = Set.of("ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "REVIEW_IN_PROGRESS",
            "CREATE_FAILED");
    static final Set<String> SUCCESS = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE");

    private StackStatuses() {
    }

    static boolean inProgress(String status) {
        return status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS");
    }
}
