package dev.athenaeum.deploy;

import dev.athenaeum.deploy.account.AccountCheck;
import dev.athenaeum.deploy.account.Identity;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.cost.CostEstimate;
import dev.athenaeum.deploy.cost.CostEstimator;
import dev.athenaeum.deploy.cost.CostInputs;
import dev.athenaeum.deploy.image.EcrImagePublisher;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.stack.DestroyReport;
import dev.athenaeum.deploy.stack.StackWaitCancelledException;
import dev.athenaeum.deploy.stack.StackDeployer;
import dev.athenaeum.deploy.stack.StackInputs;
import dev.athenaeum.deploy.stack.StackOutputs;
import dev.athenaeum.deploy.stack.StackPlan;
import dev.athenaeum.deploy.stack.StackResult;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.Environment;
import dev.athenaeum.deploy.template.ImageUri;
import dev.athenaeum.deploy.upload.S3IndexPublisher;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import software.amazon.awssdk.core.exception.AbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Every deployment keeps its index here: the objects are named by their content and manifest.json is replaced
     * last, so one fixed prefix serves every version, and an unchanged deployment changes nothing in the stack.
     */
    static final String PREFIX = DeploymentSettings.INDEX_ROOT + "/";

    private static final String ACCOUNT_REGISTRY = "%s.dkr.ecr.%s.amazonaws.com/%s@sha256:" + "0".repeat(64);

    private final AwsSession session;
    private final StackDeployer stacks;
    private final IndexPublisher index;
    private final ImagePublisher image;
    private final HealthCheck health;

    /** A deployment that builds the image with Jib into ECR and uploads the index to S3. */
    public static Deployment standard(AwsSession session, ImageSource imageSource) {
        return new Deployment(session, new StackDeployer(session), new S3IndexPublisher(session),
                new EcrImagePublisher(session, imageSource), HealthCheck.standard());
    }

    public Deployment(AwsSession session, StackDeployer stacks, IndexPublisher index, ImagePublisher image,
                      HealthCheck health) {
        this.session = Objects.requireNonNull(session, "session");
        this.stacks = Objects.requireNonNull(stacks, "stacks");
        this.index = Objects.requireNonNull(index, "index");
        this.image = Objects.requireNonNull(image, "image");
        this.health = Objects.requireNonNull(health, "health");
    }

    /**
     * Account, cost and the change set, which is then discarded: nothing is created but a given key's secret. An
     * image still to be built is planned under a placeholder digest in the stack's repository.
     */
    public DryRun dryRun(DeploymentRequest request, DeploymentListener listener) {
        Identity identity = account(listener);
        CostEstimate cost = cost(request, listener);
        DeploymentSettings settings = request.settings();
        if (settings.imageUri().isToBeBuilt()) {
            settings = settings.withImage(new ImageUri(ACCOUNT_REGISTRY.formatted(identity.account(),
                    session.region().id(), settings.imageRepository())));
        }
        listener.onStepStarted(DeploymentStep.PLAN);
        StackPlan plan = stacks.plan(settings, new StackInputs(PREFIX, request.openAiKey()), listener);
        stacks.discard(plan);
        listener.onStepFinished(StepOutcome.done(DeploymentStep.PLAN, plan.changes().size()
                + " change(s), discarded"));
        return new DryRun(identity, cost, plan);
    }

    /**
     * Every step in order; the first that fails stops the rest with its one-line reason. A cancel stops at the next
     * request or poll with {@link DeploymentCancelledException}.
     */
    public DeploymentReport deploy(DeploymentRequest request, DeploymentListener listener, Cancellation cancel) {
        try (InterruptOnCancel bridge = InterruptOnCancel.watch(cancel)) {
            return run(request, listener, cancel);
        } catch (CancelledException | AbortedException | StackWaitCancelledException e) {
            throw cancelled(e, cancel);
        }
    }

    private DeploymentReport run(DeploymentRequest request, DeploymentListener listener, Cancellation cancel) {
        List<StepOutcome> steps = new ArrayList<>();
        Identity identity = account(listener);
        steps.add(StepOutcome.done(DeploymentStep.ACCOUNT, "account " + identity.account() + " in "
                + session.region().id()));
        CostEstimate cost = cost(request, listener);
        steps.add(StepOutcome.done(DeploymentStep.COST, "about $" + dollars(cost) + " a month"));
        cancel.check();

        DeploymentSettings settings = request.settings();
        listener.onStepStarted(DeploymentStep.IMAGE);
        if (settings.imageUri().isToBeBuilt()) {
            settings = settings.withImage(image.publish(settings.imageRepository(), settings.architecture(),
                    listener, cancel));
            steps.add(finish(listener, StepOutcome.done(DeploymentStep.IMAGE, "built " + settings.imageUri())));
        } else {
            steps.add(finish(listener, StepOutcome.done(DeploymentStep.IMAGE, "given " + settings.imageUri())));
        }
        cancel.check();

        listener.onStepStarted(DeploymentStep.PLAN);
        StackPlan plan = stacks.plan(settings, new StackInputs(PREFIX, request.openAiKey()), listener);
        steps.add(finish(listener, StepOutcome.done(DeploymentStep.PLAN, plan.changes().size() + " change(s)")));
        listener.onPlan(plan);
        cancel.check();

        listener.onStepStarted(DeploymentStep.EXECUTE);
        StackResult result = stacks.execute(plan, listener);
        steps.add(finish(listener, StepOutcome.done(DeploymentStep.EXECUTE,
                result.changed() ? result.outputs().status() : "nothing to change")));

        steps.add(publish(request.index(), result.outputs().bucketName(), listener, cancel));
        listener.onStepStarted(DeploymentStep.HEALTH);
        Optional<URI> url = result.outputs().apiUrl().or(() -> result.outputs().functionUrl());
        try {
            steps.add(finish(listener, health.check(url, settings.jwt().isPresent())));
        } catch (InterruptedException e) {
            throw new CancelledException();
        }
        return new DeploymentReport(identity, result.outputs(), result.changed(), steps);
    }

    /** Uploads what changed in the index into an existing stack's bucket, and nothing else. */
    public StepOutcome updateIndex(String name, Environment environment, Path indexDir, DeploymentListener listener,
                                   Cancellation cancel) {
        try (InterruptOnCancel bridge = InterruptOnCancel.watch(cancel)) {
            account(listener);
            StackOutputs outputs = stacks.outputs(namesOnly(name, environment));
            return publish(indexDir, outputs.bucketName(), listener, cancel);
        } catch (CancelledException | AbortedException e) {
            throw cancelled(e, cancel);
        }
    }

    /** The deployed stack's outputs, or empty when there is no such stack. */
    public Optional<StackOutputs> find(String name, Environment environment) {
        return stacks.find(namesOnly(name, environment));
    }

    /** Empties the bucket, deletes the stack, the key's secret and the image repository. */
    public DestroyReport destroy(String name, Environment environment, DeploymentListener listener) {
        account(listener);
        DeploymentSettings names = namesOnly(name, environment);
        DestroyReport report = stacks.destroy(names, listener);
        listener.onStep("deleting the image repository " + names.imageRepository() + ", if any");
        return report.withRepositoryDeleted(image.delete(names.imageRepository()));
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

    private StepOutcome publish(Path indexDir, String bucket, DeploymentListener listener, Cancellation cancel) {
        listener.onStepStarted(DeploymentStep.INDEX);
        return finish(listener, StepOutcome.done(DeploymentStep.INDEX,
                index.publish(indexDir, bucket, PREFIX, listener, cancel)));
    }

    private DeploymentCancelledException cancelled(RuntimeException e, Cancellation cancel) {
        if (e instanceof StackWaitCancelledException) {
            return new DeploymentCancelledException(e.getMessage());
        }
        if (!cancel.isCancelled() && !(e instanceof CancelledException)) {
            throw e;
        }
        return new DeploymentCancelledException("cancelled: the stack and the published index stay as they were"
                + " before this step; deploy again to continue");
    }

    private static StepOutcome finish(DeploymentListener listener, StepOutcome outcome) {
        listener.onStepFinished(outcome);
        return outcome;
    }

    private static DeploymentSettings namesOnly(String name, Environment environment) {
        return DeploymentSettings.builder().name(name).environment(environment).build();
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
