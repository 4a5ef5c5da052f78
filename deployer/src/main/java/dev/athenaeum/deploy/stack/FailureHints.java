package dev.athenaeum.deploy.stack;

import java.util.Locale;

/** What to do about the failures deployments meet most, added to CloudFormation's own reason. */
final class FailureHints {

    private FailureHints() {
    }

    static String withHint(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("already exists") || r.contains("bucket name is not available")) {
            return reason + " — the name is taken outside this stack: choose another (or leave the bucket name empty"
                    + " so CloudFormation picks a unique one), or delete the other resource";
        }
        if (r.contains("not authorized") || r.contains("accessdenied") || r.contains("access denied")) {
            return reason + " — the deploying credentials lack a permission named above";
        }
        if (r.contains("image") && (r.contains("not found") || r.contains("does not exist") || r.contains("manifest"))) {
            return reason + " — push the image to ECR in this region first, and deploy it by digest";
        }
        if (r.contains("limit") || r.contains("quota")) {
            return reason + " — an account limit is reached: ask AWS for more in Service Quotas, or remove unused resources";
        }
        return reason;
    }
}
