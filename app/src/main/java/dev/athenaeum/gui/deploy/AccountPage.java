package dev.athenaeum.gui.deploy;

import dev.athenaeum.deploy.account.LambdaRegions;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import software.amazon.awssdk.regions.Region;

/** Profile and region, and whose account they reach. */
final class AccountPage {

    private final DeployWizardViewModel vm;
    private final VBox root = new VBox(10);
    private final ComboBox<String> profile = new ComboBox<>();
    private final ComboBox<String> region = new ComboBox<>();
    private final Button check = new Button("Check account");
    private final Label identity = new Label();

    AccountPage(DeployWizardViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    Node root() {
        return root;
    }

    private void createView() {
        Label about = new Label("Athenaeum deploys with your AWS credentials: a profile from ~/.aws (or the default "
                + "credentials: environment, SSO, instance role) and the region to deploy to. Nothing is created "
                + "until the Deploy page.");
        about.setWrapText(true);
        about.getStyleClass().add("muted");
        profile.setId("deployProfile");
        profile.setPromptText("default credentials");
        profile.setEditable(true);
        profile.setAccessibleText("AWS profile");
        profile.setPrefWidth(260);
        region.setId("deployRegion");
        region.setEditable(true);
        region.setPromptText("e.g. eu-west-1");
        region.setAccessibleText("AWS region");
        region.setPrefWidth(260);
        region.getItems().setAll(LambdaRegions.list().stream().map(Region::id).sorted().toList());
        check.setId("deployCheck");
        check.setAccessibleText("Check the AWS account");
        identity.setId("deployIdentity");
        identity.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Profile"), profile);
        grid.addRow(1, new Label("Region"), region);
        root.getChildren().addAll(about, grid, check, identity);
    }

    private void initListeners() {
        profile.setItems(vm.profiles());
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        region.valueProperty().bindBidirectional(vm.regionProperty());
        identity.textProperty().bind(vm.identityProperty());
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> {
            // An editable combo box commits typed text on Enter or focus loss; take it now as well.
            vm.profileProperty().set(profile.getEditor().getText());
            vm.regionProperty().set(region.getEditor().getText());
            vm.checkAccount();
        });
    }
}
