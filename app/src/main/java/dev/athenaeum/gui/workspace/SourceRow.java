package dev.athenaeum.gui.workspace;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/** A source folder in the list, with what a scan found in it (filled in when the background scan ends). */
public final class SourceRow {

    private final Path folder;
    private final StringProperty files = new SimpleStringProperty("counting…");

    SourceRow(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public ReadOnlyStringProperty filesProperty() {
        return files;
    }

    void setFiles(String text) {
        files.set(text);
    }

    @Override
    public String toString() {
        return folder + " (" + files.get() + ")";
    }
}
