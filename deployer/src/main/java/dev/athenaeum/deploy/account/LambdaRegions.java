package dev.athenaeum.deploy.account;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.Comparator;
import java.util.List;

/** The regions where Lambda runs, as the SDK's endpoint metadata lists them (no call to AWS). */
public final class LambdaRegions {

    private LambdaRegions() {
    }

    public static List<Region> list() {
        return LambdaClient.serviceMetadata().regions().stream()
                .filter(r -> !r.isGlobalRegion())
                .sorted(Comparator.comparing(Region::id))
                .toList();
    }

    /** The region of this id, or a one-line refusal naming a few that exist. */
    public static Region parse(String id) {
        String v = id == null ? "" : id.strip();
        return list().stream().filter(r -> r.id().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a region where Lambda runs,"
                        + " e.g. us-east-1, eu-west-1 or ap-southeast-2"));
    }
}
