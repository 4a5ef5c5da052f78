package dev.athenaeum.deploy;

import dev.athenaeum.deploy.account.AccountCheck;
import dev.athenaeum.deploy.account.Identity;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.cost.CostEstimate;
import dev.athenaeum.deploy.cost.CostEstimator;
import dev.athenaeum.deploy.cost.CostInputs;
import dev.athenaeum.deploy.stack.DestroyReport;
import dev.athenaeum.deploy.stack.StackDeployer;
import dev.athenaeum.deploy.stack.StackInputs;
import dev.athenaeum.deploy.stack.StackOutputs;
import dev.athenaeum.deploy.stack.StackPlan;
import dev.athenaeum.deploy.stack.StackResult;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole deployment as named steps: account, cost, image, plan, execute, index, health. The command line and the
 * wizard drive this one class; each step reports to a {@link DeploymentListener}, and a step that cannot run here
 * says so rather than passing.
 */
public final class Deployment {

    /*
     * Destroying and reading outputs need only a stack's names; the settings record insists on an image, so these
     * operations carry one that is never deployed.
     */
    private static final String UNUSED_IMAGE = "unused.invalid/athenaeum@sha256:" + "0".repeat(64);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'");

    private final AwsSession session;
    private final StackDeployer stacks;
    private final IndexPublisher publisher;
    private final HealthCheck health;
    private final Clock clock;

    public Deployment(AwsSession session, IndexPublisher publisher) {
        this(session, new StackDeployer(session), publisher, HealthCheck.standard(), Clock.systemUTC());
    }

    public Deployment(AwsSession session, StackDeployer stacks, IndexPublisher publisher, HealthCheck health,
                      Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.stacks = Objects.requireNonNull(stacks, "stacks");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Account, cost and the change set, which is then discarded: nothing is created but a given key's secret. */
    public DryRun dryRun(DeploymentRequest request, DeploymentListener listener) {
        Identity identity = account(listener);
        CostEstimate cost = cost(request, listener);
        listener.onStepStarted(DeploymentStep.PLAN);
        StackPlan plan = stacks.plan(request.settings(), inputs(request), listener);
        stacks.discard(plan);
        listener.onStepFinished(StepOutcome.done(DeploymentStep.PLAN, plan.changes().size()
                + " change(s), discarded"));
        return new DryRun(identity, cost, plan);
    }

    /** Every step in order; the first that fails stops the rest with its one-line reason. */
    public DeploymentReport deploy(DeploymentRequest request, DeploymentListener listener) throws InterruptedException {
        List<StepOutcome> steps = new ArrayList<>();
        Identity identity = account(listener);
        steps.add(StepOutcome.done(DeploymentStep.ACCOUNT, "account " + identity.account() + " in "
                + session.region().id()));
        CostEstimate cost = cost(request, listener);
        steps.add(StepOutcome.done(DeploymentStep.COST, "about $" + dollars(cost) + " a month"));
        steps.add(finish(listener, StepOutcome.done(DeploymentStep.IMAGE, "given " + request.settings().imageUri())));

        String prefix = prefix();
        listener.onStepStarted(DeploymentStep.PLAN);
        StackPlan plan = stacks.plan(request.settings(), new StackInputs(prefix, request.openAiKey()), listener);
        steps.add(finish(listener, StepOutcome.done(DeploymentStep.PLAN, plan.changes().size() + " change(s)")));
        listener.onPlan(plan);

        listener.onStepStarted(DeploymentStep.EXECUTE);
        StackResult result = stacks.execute(plan, listener);
        steps.add(finish(listener, StepOutcome.done(DeploymentStep.EXECUTE,
                result.changed() ? result.outputs().status() : "nothing to change")));

        StepOutcome index = publish(request.index(), result.outputs().bucketName(), prefix, listener);
        steps.add(index);
        StepOutcome checked;
        Optional<URI> url = result.outputs().apiUrl().or(() -> result.outputs().functionUrl());
        listener.onStepStarted(DeploymentStep.HEALTH);
        if (url.isPresent() && index.status() != StepOutcome.Status.DONE) {
            checked = StepOutcome.skipped(DeploymentStep.HEALTH, "no index was uploaded for the service to load");
        } else {
            checked = health.check(url, request.settings().jwt().isPresent());
        }
        steps.add(finish(listener, checked));
        return new DeploymentReport(identity, result.outputs(), result.changed(), steps);
    }

    /** Uploads a new version of the index into an existing stack's bucket, and nothing else. */
    public StepOutcome updateIndex(String name, Environment environment, Path index, DeploymentListener listener) {
        account(listener);
        if (!publisher.available()) {
            listener.onStepStarted(DeploymentStep.INDEX);
            throw new DeploymentException(IndexPublisher.UNAVAILABLE);
        }
        StackOutputs outputs = stacks.outputs(namesOnly(name, environment));
        return publish(index, outputs.bucketName(), prefix(), listener);
    }

    /** Empties the bucket, deletes the stack and the key's secret. */
    public DestroyReport destroy(String name, Environment environment, DeploymentListener listener) {
        account(listener);
        return stacks.destroy(namesOnly(name, environment), listener);
    }

    private Identity account(DeploymentListener listener) {
        listener.onStepStarted(DeploymentStep.ACCOUNT);
        Identity identity = AccountCheck.verify(session);
        listener.onStepFinished(StepOutcome.done(DeploymentStep.ACCOUNT, "account " + identity.account() + " as "
                + identity.displayName() + " in " + session.region().id()));
        return identity;
    }

    private CostEstimate cost(DeploymentRequest request, DeploymentListener listener) {
        listener.onStepStarted(DeploymentStep.COST);
        CostEstimate cost = CostEstimator.estimate(CostInputs.of(request.settings(), request.monthlyRequests(),
                DeploymentRequest.AVERAGE_DURATION_MS, folderBytes(request.index()), DeploymentRequest.IMAGE_BYTES));
        listener.onStepFinished(StepOutcome.done(DeploymentStep.COST, "about $" + dollars(cost) + " a month"));
        return cost;
    }

    private static String dollars(CostEstimate cost) {
        return cost.total().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private StepOutcome publish(Path index, String bucket, String prefix, DeploymentListener listener) {
        listener.onStepStarted(DeploymentStep.INDEX);
        if (!publisher.available()) {
            return finish(listener, StepOutcome.notAvailable(DeploymentStep.INDEX, IndexPublisher.UNAVAILABLE));
        }
        long bytes = publisher.publish(index, bucket, prefix, listener::onStep);
        return finish(listener, StepOutcome.done(DeploymentStep.INDEX, bytes + " bytes to s3://" + bucket + "/" + prefix));
    }

    private static StepOutcome finish(DeploymentListener listener, StepOutcome outcome) {
        listener.onStepFinished(outcome);
        return outcome;
    }

    private StackInputs inputs(DeploymentRequest request) {
        return new StackInputs(prefix(), request.openAiKey());
    }

    /** Each upload gets its own version; without an uploader there is none, and the function is pointed at the root. */
    private String prefix() {
        if (!publisher.available()) {
            return DeploymentSettings.INDEX_ROOT + "/";
        }
        return DeploymentSettings.INDEX_ROOT + "/" + VERSION.format(clock.instant().atZone(java.time.ZoneOffset.UTC)) + "/";
    }

    private static DeploymentSettings namesOnly(String name, Environment environment) {
        return DeploymentSettings.builder().name(name).environment(environment).imageUri(UNUSED_IMAGE).build();
    }

    private static long folderBytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
