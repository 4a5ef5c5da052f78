package dev.athenaeum.gui.workspace;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a folder. The system dialog in the app; tests hand in a folder instead of clicking one. */
@FunctionalInterface
public interface FolderChooser {

    Optional<Path> choose(Window owner, String title);

    static FolderChooser system() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File chosen = chooser.showDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
