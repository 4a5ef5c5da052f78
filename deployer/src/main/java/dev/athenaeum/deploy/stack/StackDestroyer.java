package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.account.AwsErrors;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.DeploymentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;

/** Removes everything a deployment made: the bucket's content, the stack, the key's secret. */
final class StackDestroyer {

    private static final Logger log = LoggerFactory.getLogger(StackDestroyer.class);

    private final AwsSession session;
    private final Duration poll;
    private final StackListener listener;

    StackDestroyer(AwsSession session, Duration poll, StackListener listener) {
        this.session = session;
        this.poll = poll;
        this.listener = listener;
    }

    DestroyReport destroy(DeploymentSettings s) {
        String name = s.stackName();
        try (CloudFormationClient cfn = session.cloudFormation(); S3Client s3 = session.s3();
             SecretsManagerClient sm = session.secretsManager()) {
            var stack = Stacks.find(cfn, name);
            long removed = 0;
            if (stack.isPresent()) {
                var bucket = OutputsReader.bucket(cfn, name);
                if (bucket.isPresent()) {
                    listener.onStep("emptying the index bucket " + bucket.get());
                    removed = BucketEmptier.empty(s3, bucket.get());
                }
                listener.onStep("deleting the stack " + name);
                String id = stack.get().stackId();
                StackWatcher watcher = new StackWatcher(cfn, id, name, poll, listener);
                cfn.deleteStack(b -> b.stackName(id));
                String end = watcher.await("the deletion of " + name);
                if (!"DELETE_COMPLETE".equals(end)) {
                    throw new StackException("deleting " + name + " failed: "
                            + watcher.failureReason().orElse(end) + "; the key's secret was kept");
                }
            } else {
                listener.onStep("there is no stack " + name + " to delete");
            }
            listener.onStep("deleting the OpenAI key's secret, if any");
            boolean secret = OpenAiKeySecret.delete(sm, s);
            log.info("destroyed {}: stack {}, {} object version(s), secret {}", name,
                    stack.isPresent() ? "deleted" : "absent", removed, secret ? "deleted" : "absent");
            return new DestroyReport(name, stack.isPresent(), removed, secret);
        } catch (AbortedException e) {
            throw e;
        } catch (SdkException e) {
            throw new StackException(AwsErrors.explain(e, "destroy " + name,
                    "cloudformation:DeleteStack, s3:ListBucketVersions, s3:DeleteObjectVersion and"
                            + " secretsmanager:DeleteSecret"), e);
        }
    }
}
