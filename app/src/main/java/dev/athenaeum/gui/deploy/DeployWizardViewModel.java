package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.ConnectionHelp;
import dev.athenaeum.deploy.Deployment;
import dev.athenaeum.deploy.DeploymentCancelledException;
import dev.athenaeum.deploy.DeploymentException;
import dev.athenaeum.deploy.DeploymentReport;
import dev.athenaeum.deploy.DeploymentRequest;
import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.DryRun;
import dev.athenaeum.deploy.StepOutcome;
import dev.athenaeum.deploy.account.AccountCheck;
import dev.athenaeum.deploy.account.Identity;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.cost.CostEstimator;
import dev.athenaeum.deploy.cost.CostInputs;
import dev.athenaeum.deploy.stack.StackException;
import dev.athenaeum.deploy.template.Environment;
import dev.athenaeum.gui.task.BackgroundTask;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import software.amazon.awssdk.core.exception.SdkException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The deploy wizard: account → settings → cost → review → deploy → done, and for a knowledge base deployed before,
 * update index, update stack or destroy. Nothing is created in AWS before the deploy page (the review's change set
 * is computed and thrown away); every AWS call runs on the background-task API, and cancel is safe on every page.
 */
public final class DeployWizardViewModel {

    private final KnowledgeBaseSession session;
    private DeployEnvironment aws;
    private final DeployedStacks remembered;
    private final TaskRunner tasks;
    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.ACCOUNT);
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty identity = new SimpleStringProperty("");
    private final WizardSettings settings = new WizardSettings();
    private final StringProperty cost = new SimpleStringProperty("");
    private final StringProperty review = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<DeployedStack> deployed = new SimpleObjectProperty<>();
    private final DeployProgressModel progress;
    private AwsSession checkedSession;
    private DeploymentRequest request;
    private BackgroundTask<?> running;
    /** What a cancelled deployment said it left behind; read on the UI thread after the work ended. */
    private volatile String cancelledReason;

    public DeployWizardViewModel(KnowledgeBaseSession session, DeployEnvironment aws, DeployedStacks remembered,
                                 TaskRunner tasks) {
        this.session = session;
        this.aws = aws;
        this.remembered = remembered;
        this.tasks = tasks;
        this.progress = new DeployProgressModel(tasks);
        settings.name().set(Requests.stackNameFor(session.knowledgeBase().name()));
    }

    /** Where AWS calls go from now on, e.g. an emulator's endpoint and credentials; before {@link #load()}. */
    public void useEnvironment(DeployEnvironment environment) {
        this.aws = environment;
        checkedSession = null;
        identity.set("");
    }

    /** Reads the profiles and what was deployed before, in the background. */
    public void load() {
        record Loaded(java.util.List<String> profiles, Optional<DeployedStack> deployed) {
        }
        tasks.task("Reading the AWS profiles", cancel -> new Loaded(aws.profiles(), remembered.load()))
                .onSuccess(l -> {
                    profiles.setAll(l.profiles());
                    l.deployed().ifPresentOrElse(this::restore, () -> aws.defaultRegion().ifPresent(region::set));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .start();
    }

    private void restore(DeployedStack d) {
        deployed.set(d);
        profile.set(d.profile());
        region.set(d.region());
        settings.restore(d.name(), d.environment(), d.choices());
        result.set(d.url().isEmpty() ? "" : "Deployed at " + d.url());
    }

    /** Account page: who the credentials belong to, or why there are none. */
    public void checkAccount() {
        if (region.get() == null || region.get().isBlank()) {
            error.set("choose a region, e.g. eu-west-1");
            return;
        }
        Optional<String> p = Optional.ofNullable(profile.get()).filter(s -> !s.isBlank());
        String r = region.get().strip();
        run("Checking the AWS account", cancel -> {
            AwsSession s = aws.session(p, r);
            return new Checked(s, AccountCheck.verify(s));
        }, checked -> {
            checkedSession = checked.session();
            identity.set("Account " + checked.identity().account() + " as " + checked.identity().displayName()
                    + " in " + r);
        });
    }

    private record Checked(AwsSession session, Identity identity) {
    }

    /** To the next page, once this one's work is done and its values are valid. */
    public void next() {
        if (busy.get()) {
            return;
        }
        error.set("");
        switch (step.get()) {
            case ACCOUNT -> {
                if (checkedSession == null) {
                    error.set("check the account first");
                } else {
                    step.set(WizardStep.SETTINGS);
                }
            }
            case SETTINGS -> toCost();
            case COST -> toReview();
            case REVIEW -> deploy();
            case DEPLOY, DONE -> { }
        }
    }

    public void back() {
        if (busy.get() || step.get() == WizardStep.ACCOUNT || step.get() == WizardStep.DONE) {
            return;
        }
        error.set("");
        step.set(WizardStep.values()[step.get().ordinal() - 1]);
    }

    private void toCost() {
        Path index = session.knowledgeBase().indexDir();
        if (!session.hasIndex()) {
            error.set("build the index first: there is nothing to deploy yet");
            return;
        }
        run("Estimating the cost", cancel -> {
            DeploymentRequest r = Requests.of(settings.name().get(), settings.environment().get(), settings.choices(),
                    index, aws.openAiKey());
            return new Estimated(r, CostEstimator.estimate(CostInputs.of(r.settings(), r.monthlyRequests(),
                    DeploymentRequest.AVERAGE_DURATION_MS, Sizes.folderBytes(index), DeploymentRequest.IMAGE_BYTES))
                    .describe());
        }, e -> {
            request = e.request();
            cost.set(e.cost());
            step.set(WizardStep.COST);
        });
    }

    private record Estimated(DeploymentRequest request, String cost) {
    }

    private void toReview() {
        DeploymentRequest r = request;
        AwsSession s = checkedSession;
        run("Planning the stack", cancel -> aws.deployment(s).dryRun(r, progress), (DryRun dry) -> {
            String note = r.settings().imageUri().isToBeBuilt()
                    ? "\nThe server image is built on this computer and pushed to ECR when deploying; the plan names"
                    + " it with a placeholder digest.\n" : "";
            review.set(dry.plan().summary() + note);
            step.set(WizardStep.REVIEW);
        });
    }

    private void deploy() {
        DeploymentRequest r = request;
        AwsSession s = checkedSession;
        step.set(WizardStep.DEPLOY);
        progress.reset(DeploymentStep.values());
        run("Deploying " + r.settings().stackName(), cancel -> aws.deployment(s).deploy(r, progress, cancel),
                (DeploymentReport report) -> {
                    String health = report.steps().stream().filter(o -> o.step() == DeploymentStep.HEALTH)
                            .map(StepOutcome::toString).findFirst().orElse("");
                    result.set(ConnectionHelp.of(report.outputs(), r.settings().jwt().isPresent()) + "\n" + health);
                    remember(report);
                    step.set(WizardStep.DONE);
                });
    }

    private void remember(DeploymentReport report) {
        var out = report.outputs();
        DeployedStack d = new DeployedStack(settings.name().get(), settings.environment().get(), region.get(),
                profile.get(), out.apiUrl().or(out::functionUrl).map(Object::toString).orElse(""), out.bucketName(),
                Instant.now().toString(), settings.choices());
        deployed.set(d);
        tasks.task("Remembering the deployment", cancel -> {
            remembered.save(d);
            return d;
        }).start();
    }

    /** For a deployed knowledge base: uploads what changed in the index, and nothing else. */
    public void updateIndex() {
        DeployedStack d = deployed.get();
        if (d == null || busy.get()) {
            return;
        }
        Path index = session.knowledgeBase().indexDir();
        step.set(WizardStep.DEPLOY);
        progress.reset(DeploymentStep.ACCOUNT, DeploymentStep.INDEX);
        run("Updating the deployed index", cancel -> {
            AwsSession s = aws.session(Optional.of(d.profile()).filter(p -> !p.isBlank()), d.region());
            return aws.deployment(s).updateIndex(d.name(), Environment.parse(d.environment()), index, progress, cancel);
        }, (StepOutcome outcome) -> {
            result.set("Index updated: " + outcome.detail() + "\nRunning functions load it within a minute.");
            step.set(WizardStep.DONE);
        });
    }

    /**
     * For a deployed knowledge base: deletes the stack, its bucket, key secret and image repository, once the stack's
     * name has been typed to confirm.
     */
    public void destroy(String typedName) {
        DeployedStack d = deployed.get();
        if (d == null || busy.get()) {
            return;
        }
        if (typedName == null || !typedName.strip().equals(d.stackName())) {
            error.set("type " + d.stackName() + " to confirm: destroy deletes the deployed API and its index for good");
            return;
        }
        step.set(WizardStep.DEPLOY);
        progress.reset(DeploymentStep.ACCOUNT);
        run("Destroying " + d.stackName(), cancel -> {
            AwsSession s = aws.session(Optional.of(d.profile()).filter(p -> !p.isBlank()), d.region());
            var report = aws.deployment(s).destroy(d.name(), Environment.parse(d.environment()), progress);
            remembered.forget();
            return report;
        }, report -> {
            deployed.set(null);
            result.set(report.stackDeleted() ? "Deleted " + report.stackName() + " with its index"
                    + (report.repositoryDeleted() ? " and image repository." : ".")
                    : "There was no stack " + report.stackName() + " any more; nothing else to delete.");
            step.set(WizardStep.DONE);
        });
    }

    /**
     * Stops what runs (a deployment stops at its next request or poll and says what was left), or, with nothing
     * running, goes back to the first page: nothing was created before the deploy page.
     */
    public void cancel() {
        if (running != null) {
            status.set("Cancelling…");
            running.cancel();
            return;
        }
        error.set("");
        request = null;
        step.set(WizardStep.ACCOUNT);
    }

    /** From the done page, or for a deployed knowledge base: the whole flow again, starting from its settings. */
    public void startOver() {
        if (busy.get()) {
            return;
        }
        error.set("");
        step.set(checkedSession == null ? WizardStep.ACCOUNT : WizardStep.SETTINGS);
    }

    /**
     * Runs AWS work in the background. Its expected failures (a refused setting, an AWS error, a failed stack, a
     * cancel) are shown as one line in place; anything else also reaches the error dialog with its details.
     */
    private <T> void run(String title, dev.athenaeum.gui.task.Work<T> work, java.util.function.Consumer<T> done) {
        error.set("");
        busy.set(true);
        status.set(title + "…");
        cancelledReason = null;
        BackgroundTask<Object> task = tasks.task(title, cancel -> {
            try {
                return work.run(cancel);
            } catch (DeploymentCancelledException e) {
                cancelledReason = e.getMessage();
                return new Refused(e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException | DeploymentException | StackException
                     | SdkException e) {
                return new Refused(OneLine.of(e));
            }
        });
        running = task;
        task.onSuccess(value -> {
                    if (value instanceof Refused refused) {
                        if (step.get() == WizardStep.DEPLOY) {
                            progress.failed(refused.reason());
                        }
                        error.set(refused.reason());
                    } else {
                        @SuppressWarnings("unchecked")
                        T result = (T) value;
                        done.accept(result);
                    }
                })
                .onFailure(e -> error.set(OneLine.of(e)))
                .onCancelled(() -> {
                    String line = cancelledReason != null ? cancelledReason
                            : "cancelled: nothing was changed in AWS by this step";
                    if (step.get() == WizardStep.DEPLOY) {
                        progress.failed(line);
                    }
                    error.set(line);
                })
                .whenDone(() -> {
                    running = null;
                    busy.set(false);
                    status.set("");
                })
                .start();
    }

    /** Work that ended with a reason to show, not a result. */
    private record Refused(String reason) {
    }

    public ObjectProperty<WizardStep> stepProperty() {
        return step;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty identityProperty() {
        return identity;
    }

    public WizardSettings settings() {
        return settings;
    }

    public StringProperty costProperty() {
        return cost;
    }

    public StringProperty reviewProperty() {
        return review;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<DeployedStack> deployedProperty() {
        return deployed;
    }

    public DeployProgressModel progress() {
        return progress;
    }
}
