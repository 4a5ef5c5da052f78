package dev.athenaeum.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.athenaeum.gui.Workbench;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules: dependencies point inward to the core engine, which knows nothing of user interfaces, HTTP or
 * the cloud, and only front ends talk to the terminal.
 */
class ArchitectureTest {

    /** Packages of the core module. */
    private static final String[] CORE = {"dev.athenaeum.corpus..", "dev.athenaeum.chunking..", "dev.athenaeum.embedding..",
            "dev.athenaeum.index..", "dev.athenaeum.search..", "dev.athenaeum.eval..", "dev.athenaeum.progress..",
            "dev.athenaeum.chat..", "dev.athenaeum.provider.."};
    /** Core's test fixtures (a fake HTTP server, fixture generators) come as a test jar; the rules are for products. */
    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NO_TEST_JARS)
                .importPackages("dev.athenaeum");
    }

    @Test
    void bothModulesAreImported() {
        // Guards the rules below against passing on an empty class set.
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.athenaeum.index.IndexBuilder")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.athenaeum.cli.Main")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.athenaeum.server.AthenaeumServer")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.athenaeum.gui.WorkbenchViewModel")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.athenaeum.deploy.aws.AwsSession")).isTrue();
    }

    @Test
    void coreDoesNotDependOnFrontEnds() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.athenaeum.cli..", "dev.athenaeum.gui..", "dev.athenaeum.server..", "dev.athenaeum.deploy..");
        rule.check(classes);
    }

    @Test
    void coreHasNoUiHttpOrCloudCode() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "javax.swing..",
                        "software.amazon..", "com.amazonaws..",
                        "io.javalin..", "org.eclipse.jetty..", "com.sun.net.httpserver..", "jakarta.servlet..",
                        "picocli..");
        rule.check(classes);
    }

    @Test
    void coreHasNoHttpServerOrTokenLibraries() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "com.nimbusds..")
                .check(classes);
    }

    @Test
    void theServerHasNoDesktopOrDeploymentCode() {
        noClasses().that().resideInAPackage("dev.athenaeum.server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "javax.swing..", "picocli..",
                        "dev.athenaeum.cli..", "dev.athenaeum.gui..", "dev.athenaeum.deploy..")
                .check(classes);
    }

    @Test
    void onlyTheLambdaEntryTalksToAws() {
        // The same server runs on a laptop: S3 and Secrets Manager are the Lambda container's business alone.
        noClasses().that().resideInAPackage("dev.athenaeum.server..")
                .and().resideOutsideOfPackage("dev.athenaeum.server.lambda..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void theDeployerHasNoDesktopServerOrCommandLineCode() {
        // The wizard and the command line drive the same deployer; it ships the server as jars, never links to it.
        noClasses().that().resideInAPackage("dev.athenaeum.deploy..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "javax.swing..", "picocli..",
                        "dev.athenaeum.cli..", "dev.athenaeum.gui..", "dev.athenaeum.server..")
                .check(classes);
    }

    @Test
    void theDeployerLogsInsteadOfPrinting() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(
                new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(NO_TEST_JARS)
                        .importPackages("dev.athenaeum.deploy"));
    }

    @Test
    void deployerPackagesHaveNoCycles() {
        slices().matching("dev.athenaeum.deploy.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theServerLogsInsteadOfPrinting() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(
                new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(NO_TEST_JARS)
                        .importPackages("dev.athenaeum.server"));
    }

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("dev.athenaeum.server.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToTheTerminal() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(
                new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(NO_TEST_JARS)
                        .withImportOption(NO_TEST_JARS).importPackages(CORE_ROOTS));
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("dev.athenaeum.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCommandLineKnowsTheWorkbenchOnlyByItsEntryPoint() {
        noClasses().that().resideInAPackage("dev.athenaeum.cli..")
                .should().dependOnClassesThat(resideInAPackage("dev.athenaeum.gui..").and(not(type(Workbench.class))))
                .check(classes);
        noClasses().that().resideInAPackage("dev.athenaeum.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.athenaeum.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void viewModelsAndTheTaskRunnerNeedNoScene() {
        // So they run and are tested off the UI thread: properties and collections only, no nodes or windows.
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("dev.athenaeum.gui.task..")
                .or().haveSimpleName("KnowledgeBaseSession")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void theWorkbenchTakesItsColoursFromTheTheme() {
        noClasses().that().resideInAPackage("dev.athenaeum.gui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.paint.Color")
                .check(classes);
    }

    @Test
    void workbenchPackagesHaveNoCycles() {
        slices().matching("dev.athenaeum.gui.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static final String[] CORE_ROOTS = {"dev.athenaeum.corpus", "dev.athenaeum.chunking", "dev.athenaeum.embedding",
            "dev.athenaeum.index", "dev.athenaeum.search", "dev.athenaeum.eval", "dev.athenaeum.progress",
            "dev.athenaeum.chat", "dev.athenaeum.provider"};
}
