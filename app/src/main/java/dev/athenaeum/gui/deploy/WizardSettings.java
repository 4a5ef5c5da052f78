package dev.athenaeum.gui.deploy;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The settings page's fields; validated as a whole when the wizard moves on ({@link Requests}). */
public final class WizardSettings {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty("dev");
    private final IntegerProperty memoryMb = new SimpleIntegerProperty();
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty();
    private final StringProperty architecture = new SimpleStringProperty();
    private final StringProperty frontDoor = new SimpleStringProperty();
    private final StringProperty auth = new SimpleStringProperty();
    private final StringProperty jwtIssuer = new SimpleStringProperty();
    private final StringProperty jwtAudience = new SimpleStringProperty();
    private final StringProperty jwksUrl = new SimpleStringProperty();
    private final StringProperty provider = new SimpleStringProperty();
    private final StringProperty chatModel = new SimpleStringProperty();
    private final StringProperty ollamaUrl = new SimpleStringProperty();
    private final StringProperty imageUri = new SimpleStringProperty();
    private final LongProperty monthlyRequests = new SimpleLongProperty();

    WizardSettings() {
        apply(WizardChoices.DEFAULT);
    }

    WizardChoices choices() {
        return new WizardChoices(memoryMb.get(), timeoutSeconds.get(), architecture.get(), frontDoor.get(), auth.get(),
                jwtIssuer.get(), jwtAudience.get(), jwksUrl.get(), provider.get(), chatModel.get(), ollamaUrl.get(),
                imageUri.get(), monthlyRequests.get());
    }

    void restore(String stackName, String env, WizardChoices c) {
        name.set(stackName);
        environment.set(env);
        apply(c);
    }

    private void apply(WizardChoices c) {
        memoryMb.set(c.memoryMb());
        timeoutSeconds.set(c.timeoutSeconds());
        architecture.set(c.architecture());
        frontDoor.set(c.frontDoor());
        auth.set(c.auth());
        jwtIssuer.set(c.jwtIssuer());
        jwtAudience.set(c.jwtAudience());
        jwksUrl.set(c.jwksUrl());
        provider.set(c.provider());
        chatModel.set(c.chatModel());
        ollamaUrl.set(c.ollamaUrl());
        imageUri.set(c.imageUri());
        monthlyRequests.set(c.monthlyRequests());
    }

    public StringProperty name() { return name; }
    public StringProperty environment() { return environment; }
    public IntegerProperty memoryMb() { return memoryMb; }
    public IntegerProperty timeoutSeconds() { return timeoutSeconds; }
    public StringProperty architecture() { return architecture; }
    public StringProperty frontDoor() { return frontDoor; }
    public StringProperty auth() { return auth; }
    public StringProperty jwtIssuer() { return jwtIssuer; }
    public StringProperty jwtAudience() { return jwtAudience; }
    public StringProperty jwksUrl() { return jwksUrl; }
    public StringProperty provider() { return provider; }
    public StringProperty chatModel() { return chatModel; }
    public StringProperty ollamaUrl() { return ollamaUrl; }
    public StringProperty imageUri() { return imageUri; }
    public LongProperty monthlyRequests() { return monthlyRequests; }
}
