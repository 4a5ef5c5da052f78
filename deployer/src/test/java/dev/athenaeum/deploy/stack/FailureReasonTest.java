package dev.athenaeum.deploy.stack;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Picking the cause out of a rollback's events. moto never rolls back, so the sequence is the one CloudFormation
 * reports for a function whose image is missing, written out as data.
 */
class FailureReasonTest {

    private static final String STACK = "athenaeum-notes-dev";

    @Test
    void theFirstResourceFailureIsTheCauseNotTheCancellationsOrTheSummary() {
        List<StackEvent> rollback = List.of(
                event(STACK, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated"),
                event("IndexBucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS", null),
                event("Function", "AWS::Lambda::Function", "CREATE_FAILED", "Resource handler returned message:"
                        + " \"Source image 1.dkr.ecr.eu-west-1.amazonaws.com/a@sha256:00 does not exist.\""),
                event("IndexBucket", "AWS::S3::Bucket", "CREATE_FAILED", "Resource creation cancelled"),
                event(STACK, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS",
                        "The following resource(s) failed to create: [IndexBucket, Function]."),
                event("Function", "AWS::Lambda::Function", "DELETE_COMPLETE", null),
                event(STACK, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null));
        assertThat(StackWatcher.firstFailure(rollback, STACK)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Function (AWS::Lambda::Function): Resource handler returned message:")
                .contains("does not exist"));
        assertThat(FailureHints.withHint(StackWatcher.firstFailure(rollback, STACK).orElseThrow()))
                .endsWith("push the image to ECR in this region first, and deploy it by digest");
    }

    @Test
    void withOnlyTheStackFailingItsOwnReasonIsUsed() {
        List<StackEvent> events = List.of(event(STACK, "AWS::CloudFormation::Stack", "UPDATE_FAILED",
                "Export athenaeum-x cannot be deleted as it is in use"));
        assertThat(StackWatcher.firstFailure(events, STACK))
                .contains(STACK + " (AWS::CloudFormation::Stack): Export athenaeum-x cannot be deleted as it is in use");
        assertThat(StackWatcher.firstFailure(List.of(), STACK)).isEmpty();
    }

    private static StackEvent event(String id, String type, String status, String reason) {
        return new StackEvent(Instant.EPOCH, id, type, status, Optional.ofNullable(reason));
    }
}
