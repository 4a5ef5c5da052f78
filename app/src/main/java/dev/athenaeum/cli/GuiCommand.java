package dev.athenaeum.cli;

import dev.athenaeum.gui.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Opens the desktop workbench; the launcher runs it when no command is given. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the desktop workbench: knowledge bases, building with progress, search and the sources.",
                "The first launch opens the bundled user guide, ready to search. Needs Java 24+ and a display."})
final class GuiCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "FOLDER", arity = "0..1", description = "A folder of markdown to open as a new knowledge base.")
    Path folder;

    @Override
    public Integer call() {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("folder not found: " + folder);
        }
        String problem = Workbench.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Workbench.launch(folder == null ? new String[0] : new String[] {folder.toAbsolutePath().toString()});
        return 0;
    }
}
