package dev.athenaeum.cli;

import dev.athenaeum.index.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * The top of the command tree. Nothing here (or in any command's construction) may touch the model or an index:
 * {@code --help} and {@code --version} have to answer at once.
 */
@Command(name = "athenaeum",
        mixinStandardHelpOptions = true,
        versionProvider = AthenaeumCommand.VersionProvider.class,
        description = "Index folders of markdown files and search them by meaning and by words.",
        subcommands = {IndexCommand.class, SearchCommand.class, ChatCommand.class, ServeCommand.class, DeployCommand.class, DestroyCommand.class, InfoCommand.class,
                EvalCommand.class, DemoCommand.class, GuiCommand.class, WarmUpCommand.class, HelpCommand.class},
        footer = {"", "Run 'athenaeum COMMAND --help' for the options of a command."})
final class AthenaeumCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: use gui, index, search or info (see 'athenaeum --help')");
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "athenaeum " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
