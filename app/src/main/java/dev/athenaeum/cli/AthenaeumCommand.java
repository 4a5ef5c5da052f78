package dev.athenaeum.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
        footer = {"", "Run 'athenaeum COMMAND --help' for the options of a command."})
final class AthenaeumCommand implements Callable<Integer> {

    /**
     * The commands by name, in the order help lists them. Main adds only the one being run: picocli builds each
     * command's model by reflection, and building all of them took half a second of every start.
     */
    static final Map<String, Class<?>> COMMANDS = commands(IndexCommand.class, SearchCommand.class, ChatCommand.class,
            ServeCommand.class, DeployCommand.class, DestroyCommand.class, InfoCommand.class, EvalCommand.class,
            DemoCommand.class, GuiCommand.class, WarmUpCommand.class, StartupCacheCommand.class, HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: use gui, index, search or info (see 'athenaeum --help')");
    }

    private static Map<String, Class<?>> commands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return Collections.unmodifiableMap(byName);
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
