package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.image.LocalRegistry;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.search.IndexedGuide;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.server.lambda.MotoServer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's view model off the UI thread, every AWS call against moto, images pushed to a real registry. */
class DeployWizardViewModelTest {

    private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum@sha256:" + "ab".repeat(32);

    @TempDir
    static Path dir;
    static KnowledgeBaseSession session;
    static MotoServer moto;
    static LocalRegistry registry;
    static String base;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();

    @BeforeAll
    static void start() throws Exception {
        session = IndexedGuide.build(dir);
        moto = MotoServer.start();
        registry = LocalRegistry.start();
        base = registry.pushBase();
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        registry.close();
        moto.close();
    }

    @Test
    void everyPageInTurnThenUpdateIndexAndDestroyWhenOpenedAgain() throws Exception {
        Path remembered = dir.resolve("handbook.deploy.json");
        DeployWizardViewModel vm = wizard(ImageSource.of(base, java.util.Map.of()), remembered);
        vm.load();
        assertThat(vm.profiles()).containsExactly("deploy", MotoEnvironment.NO_KEYS);
        assertThat(vm.regionProperty().get()).isEqualTo("eu-west-1");
        assertThat(vm.settings().name().get()).isEqualTo("guide");

        vm.next();
        assertThat(vm.errorProperty().get()).isEqualTo("check the account first");
        vm.checkAccount();
        assertThat(vm.identityProperty().get()).startsWith("Account 123456789012 as ").endsWith(" in eu-west-1");
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.SETTINGS);

        vm.settings().name().set("Hand Book");
        vm.next();
        assertThat(vm.errorProperty().get()).contains("stack name 'Hand Book'");
        vm.settings().name().set("handbook");
        vm.settings().timeoutSeconds().set(40);
        vm.next();
        assertThat(vm.errorProperty().get()).contains("API Gateway gives up after 30 s");
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.SETTINGS);
        vm.settings().timeoutSeconds().set(30);
        vm.settings().imageUri().set(IMAGE);
        vm.settings().monthlyRequests().set(50_000);
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.COST);
        assertThat(vm.costProperty().get()).contains("50,000 requests", "total about $");

        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.REVIEW);
        assertThat(vm.reviewProperty().get()).contains("Create stack athenaeum-handbook-dev", IMAGE);
        assertThat(stackStatus("athenaeum-handbook-dev")).as("a review changes nothing").isEmpty();

        vm.next();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.DONE);
        assertThat(vm.resultProperty().get()).contains("Stack athenaeum-handbook-dev: CREATE_COMPLETE",
                "check the deployed service: skipped");
        assertThat(vm.progress().steps()).extracting(StepRow::state)
                .containsOnly(StepRow.State.DONE, StepRow.State.SKIPPED);
        assertThat(vm.progress().log()).anySatisfy(l -> assertThat(l).contains("CREATE_COMPLETE"));
        assertThat(stackStatus("athenaeum-handbook-dev")).contains(StackStatus.CREATE_COMPLETE);
        assertThat(Files.readString(remembered)).contains("\"name\" : \"handbook\"", "\"region\" : \"eu-west-1\"")
                .doesNotContain("testing");

        DeployWizardViewModel again = wizard(ImageSource.of(base, java.util.Map.of()), remembered);
        again.load();
        assertThat(again.deployedProperty().get()).isNotNull();
        assertThat(again.settings().name().get()).isEqualTo("handbook");
        again.updateIndex();
        assertThat(again.errorProperty().get()).isEmpty();
        assertThat(again.resultProperty().get()).startsWith("Index updated: 0 file(s) sent");

        again.destroy("handbook");
        assertThat(again.errorProperty().get()).startsWith("type athenaeum-handbook-dev to confirm");
        assertThat(stackStatus("athenaeum-handbook-dev")).isPresent();
        again.destroy("athenaeum-handbook-dev");
        assertThat(again.resultProperty().get()).startsWith("Deleted athenaeum-handbook-dev");
        assertThat(again.deployedProperty().get()).isNull();
        assertThat(stackStatus("athenaeum-handbook-dev")).isEmpty();
        assertThat(remembered).doesNotExist();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void aFailedImageBuildIsShownOnItsStepAndNoStackIsCreated() {
        DeployWizardViewModel vm = wizard(new ImageSource(registry.host() + "/no-such-base:1",
                Optional.of(registry.host())), dir.resolve("failing.deploy.json"));
        toReview(vm, "failing");

        vm.next();

        assertThat(vm.errorProperty().get()).startsWith("cannot build or push the server image");
        assertThat(vm.progress().steps()).filteredOn(r -> r.step() == DeploymentStep.IMAGE)
                .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(StepRow.State.FAILED));
        assertThat(stackStatus("athenaeum-failing-dev")).isEmpty();
        assertThat(vm.deployedProperty().get()).isNull();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void cancelOnTheReviewPageCreatesNothingAndCancelWhileDeployingStopsBeforeTheStack() {
        DeployWizardViewModel vm = wizard(new ImageSource(base, Optional.of(registry.host())),
                dir.resolve("cancel.deploy.json"));
        toReview(vm, "cancelled");
        vm.cancel();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.ACCOUNT);
        assertThat(stackStatus("athenaeum-cancelled-dev")).isEmpty();

        toReview(vm, "cancelled");
        vm.progress().log().addListener((ListChangeListener<String>) c -> {
            if (!vm.progress().log().isEmpty() && vm.progress().log().getLast().contains("building the x86_64 image")) {
                vm.cancel();
            }
        });
        vm.next();

        assertThat(vm.errorProperty().get()).startsWith("cancelled: the stack and the published index stay as they were");
        assertThat(vm.progress().steps()).filteredOn(r -> r.state() == StepRow.State.FAILED)
                .extracting(StepRow::step).containsExactly(DeploymentStep.IMAGE);
        assertThat(stackStatus("athenaeum-cancelled-dev")).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aProfileWithoutCredentialsIsExplainedInOneLine() {
        DeployWizardViewModel vm = wizard(ImageSource.of(base, java.util.Map.of()), dir.resolve("nokeys.deploy.json"));
        vm.load();
        vm.profileProperty().set(MotoEnvironment.NO_KEYS);

        vm.checkAccount();

        assertThat(vm.errorProperty().get()).startsWith("no AWS credentials found").doesNotContain("\n");
        assertThat(vm.identityProperty().get()).isEmpty();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(WizardStep.ACCOUNT);
    }

    private void toReview(DeployWizardViewModel vm, String name) {
        vm.load();
        vm.checkAccount();
        vm.next();
        vm.settings().name().set(name);
        vm.next();
        vm.next();
        assertThat(vm.stepProperty().get()).as(vm.errorProperty().get()).isEqualTo(WizardStep.REVIEW);
    }

    private DeployWizardViewModel wizard(ImageSource image, Path remembered) {
        return new DeployWizardViewModel(session, new MotoEnvironment(moto, image, Optional.empty()),
                new DeployedStacks(remembered), direct.tasks);
    }

    private static Optional<StackStatus> stackStatus(String name) {
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build()) {
            return cfn.listStacksPaginator().stackSummaries().stream()
                    .filter(s -> s.stackName().equals(name) && s.stackStatus() != StackStatus.DELETE_COMPLETE)
                    .map(s -> s.stackStatus()).findFirst();
        }
    }
}
