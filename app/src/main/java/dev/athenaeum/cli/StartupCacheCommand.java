package dev.athenaeum.cli;

import dev.athenaeum.app.StartupCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Makes the installed app's start-up cache now, as the workbench otherwise does in the background after its first
 * launch (see {@link StartupCache}). Hidden: for installation checks and for people who script installs.
 */
@Command(name = "startup-cache", hidden = true, description = "Make the installed app's start-up cache now.")
final class StartupCacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<StartupCache> cache = StartupCache.fromSystem();
        if (cache.isEmpty()) {
            spec.commandLine().getErr().println("no start-up cache to make: only the installed app on Java 25 or newer has one");
            return 1;
        }
        if (!cache.get().ensure()) {
            spec.commandLine().getErr().println("the start-up cache is being made by another launch: " + cache.get().file());
            return 1;
        }
        spec.commandLine().getOut().println("start-up cache ready: " + cache.get().file());
        return 0;
    }
}
