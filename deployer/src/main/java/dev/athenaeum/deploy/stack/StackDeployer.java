package dev.athenaeum.deploy.stack;

import dev.athenaeum.deploy.account.AwsErrors;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.StackTemplate;
import dev.athenaeum.deploy.template.TemplateGenerator;
import dev.athenaeum.deploy.template.TemplateParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, updates and destroys a knowledge base's stack through change sets: {@link #plan} shows what would
 * change, {@link #execute} does it while reporting CloudFormation's events, {@link #deploy} does both. Running it
 * again with the same settings changes nothing.
 */
public final class StackDeployer {

    private static final Logger log = LoggerFactory.getLogger(StackDeployer.class);

    private final AwsSession session;
    private final Duration poll;

    public StackDeployer(AwsSession session) {
        this(session, Duration.ofSeconds(3));
    }

    /** @param poll how often CloudFormation is asked for progress */
    public StackDeployer(AwsSession session, Duration poll) {
        this.session = Objects.requireNonNull(session, "session");
        this.poll = Objects.requireNonNull(poll, "poll");
    }

    /**
     * Computes the change set for these settings. Stores a given OpenAI key first (the change set refers to its
     * secret). A stack left by a failed creation is deleted first.
     */
    public StackPlan plan(DeploymentSettings settings, StackInputs inputs, StackListener listener) {
        StackTemplate template = TemplateGenerator.generate(settings);
        try (CloudFormationClient cfn = session.cloudFormation()) {
            boolean newStack = prepare(cfn, settings, listener);
            Map<String, String> parameters = parameters(settings, inputs, listener);
            listener.onStep("computing the change set of " + settings.stackName());
            var computed = ChangeSets.create(cfn, settings.stackName(), newStack, template.json(), parameters,
                    Map.of("athenaeum:stack", settings.name(), "athenaeum:environment", settings.environment().id()), poll);
            log.info("change set of {}: {} change(s)", settings.stackName(), computed.changes().size());
            return new StackPlan(settings, template, parameters, computed.id(), newStack, computed.changes(),
                    settings.warnings());
        } catch (AbortedException e) {
            throw cancelled("planning", settings.stackName());
        } catch (SdkException e) {
            throw new StackException(AwsErrors.explain(e, "plan the stack " + settings.stackName(),
                    "cloudformation:CreateChangeSet"), e);
        }
    }

    /** Carries the plan out, reporting events until CloudFormation has finished (or rolled back). */
    public StackResult execute(StackPlan plan, StackListener listener) {
        try (CloudFormationClient cfn = session.cloudFormation()) {
            if (!plan.hasChanges()) {
                listener.onStep("no changes: " + plan.stackName() + " already matches these settings");
                return new StackResult(OutputsReader.read(cfn, plan.stackName()), false, plan.changes());
            }
            return new ChangeSetExecution(cfn, plan, poll, listener).run();
        } catch (AbortedException e) {
            throw cancelled("the deployment", plan.stackName());
        } catch (SdkException e) {
            throw new StackException(AwsErrors.explain(e, "deploy the stack " + plan.stackName(),
                    "cloudformation:ExecuteChangeSet and cloudformation:DescribeStacks"), e);
        }
    }

    /** {@link #plan} and {@link #execute} in one go. */
    public StackResult deploy(DeploymentSettings settings, StackInputs inputs, StackListener listener) {
        return execute(plan(settings, inputs, listener), listener);
    }

    /** Throws a plan away: its change set, and the empty stack a new stack's change set created. */
    public void discard(StackPlan plan) {
        try (CloudFormationClient cfn = session.cloudFormation()) {
            plan.changeSetId().ifPresent(id -> cfn.deleteChangeSet(b -> b.changeSetName(id)));
            if (plan.newStack()) {
                Stacks.find(cfn, plan.stackName()).filter(s -> "REVIEW_IN_PROGRESS".equals(s.stackStatusAsString()))
                        .ifPresent(s -> cfn.deleteStack(b -> b.stackName(s.stackId())));
            }
        } catch (SdkException e) {
            throw new StackException(AwsErrors.explain(e, "discard the plan of " + plan.stackName(),
                    "cloudformation:DeleteChangeSet"), e);
        }
    }

    /** Where the deployed stack is reached and what it is made of. */
    public StackOutputs outputs(DeploymentSettings settings) {
        try (CloudFormationClient cfn = session.cloudFormation()) {
            return OutputsReader.read(cfn, settings.stackName());
        } catch (SdkException e) {
            throw new StackException(AwsErrors.explain(e, "read the stack " + settings.stackName(),
                    "cloudformation:DescribeStacks and cloudformation:ListStackResources"), e);
        }
    }

    /** The deployed stack's outputs, or empty when there is no stack of that name in the region. */
    public java.util.Optional<StackOutputs> find(DeploymentSettings settings) {
        try (CloudFormationClient cfn = session.cloudFormation()) {
            if (Stacks.find(cfn, settings.stackName()).isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(OutputsReader.read(cfn, settings.stackName()));
        } catch (SdkException e) {
            throw new StackException(AwsErrors.explain(e, "read the stack " + settings.stackName(),
                    "cloudformation:DescribeStacks and cloudformation:ListStackResources"), e);
        }
    }

    /** Empties the index bucket, deletes the stack and waits until it is gone, then deletes the key's secret. */
    public DestroyReport destroy(DeploymentSettings settings, StackListener listener) {
        try {
            return new StackDestroyer(session, poll, listener).destroy(settings);
        } catch (AbortedException e) {
            throw cancelled("destroying", settings.stackName());
        }
    }

    // The SDK notices an interrupt (a cancel) at its next request and aborts it; AWS is left as it was at that moment.
    private static StackWaitCancelledException cancelled(String what, String stackName) {
        return new StackWaitCancelledException(what + " of " + stackName + " was cancelled: the stack stays as AWS"
                + " has it (see the CloudFormation console); deploy again or destroy to continue");
    }

    /** Returns whether the stack must be created; deletes the remains of a failed creation. */
    private boolean prepare(CloudFormationClient cfn, DeploymentSettings settings, StackListener listener) {
        Optional<Stack> existing = Stacks.find(cfn, settings.stackName());
        if (existing.isEmpty()) {
            return true;
        }
        String status = existing.get().stackStatusAsString();
        if (StackStatuses.inProgress(status)) {
            throw new StackException("the stack " + settings.stackName() + " is busy (" + status
                    + "): wait until CloudFormation has finished, then deploy again");
        }
        if (status.equals("UPDATE_ROLLBACK_FAILED")) {
            throw new StackException("the stack " + settings.stackName() + " is stuck in UPDATE_ROLLBACK_FAILED: continue"
                    + " the rollback in the CloudFormation console (Stack actions), then deploy again");
        }
        if (status.equals("DELETE_FAILED")) {
            throw new StackException("an earlier destroy of " + settings.stackName() + " failed halfway"
                    + " (DELETE_FAILED): destroy it again, then deploy");
        }
        if (StackStatuses.DEAD_ON_ARRIVAL.contains(status)) {
            listener.onStep("deleting " + settings.stackName() + ", left " + status + " by an earlier attempt");
            String id = existing.get().stackId();
            cfn.deleteStack(b -> b.stackName(id));
            String end = new StackWatcher(cfn, id, settings.stackName(), poll, listener).await("the deletion");
            if (!"DELETE_COMPLETE".equals(end)) {
                throw new StackException("could not delete the failed stack " + settings.stackName() + " (" + end
                        + "): delete it in the CloudFormation console, then deploy again");
            }
            return true;
        }
        return false;
    }

    private Map<String, String> parameters(DeploymentSettings s, StackInputs inputs, StackListener listener) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(TemplateParameters.IMAGE_URI, s.imageUri().value());
        p.put(TemplateParameters.INDEX_PREFIX, inputs.indexPrefix());
        if (s.openAiKeySecret()) {
            try (var sm = session.secretsManager()) {
                p.put(TemplateParameters.OPENAI_KEY_SECRET_ARN, secretArn(sm, s, inputs, listener));
            } catch (SdkException e) {
                throw new StackException(AwsErrors.explain(e, "store the OpenAI key in Secrets Manager",
                        "secretsmanager:CreateSecret (and PutSecretValue, DescribeSecret)"), e);
            }
        }
        return p;
    }

    private static String secretArn(SecretsManagerClient sm, DeploymentSettings s, StackInputs inputs,
                                    StackListener listener) {
        return inputs.openAiKey().map(key -> {
            listener.onStep("storing the OpenAI key in Secrets Manager (" + s.secretName() + ")");
            return OpenAiKeySecret.store(sm, s, key);
        }).or(() -> OpenAiKeySecret.existing(sm, s)).orElseThrow(() -> new StackException(
                "no OpenAI key is stored for " + s.stackName() + " yet: give the key once, it is kept in"
                        + " Secrets Manager as " + s.secretName()));
    }
}
