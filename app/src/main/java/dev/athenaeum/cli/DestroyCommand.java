package dev.athenaeum.cli;

import dev.athenaeum.deploy.Deployment;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.stack.DestroyReport;
import dev.athenaeum.deploy.stack.StackWaitCancelledException;
import dev.athenaeum.deploy.template.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "destroy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete a deployed knowledge base: its index bucket (every version), its stack and its key's secret."})
final class DestroyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    StackOptions stack;

    @Option(names = "--yes", description = "Do not ask for confirmation (needed without a terminal).")
    boolean yes;

    /** The process environment; tests hand in their own (an emulator's endpoint, test keys). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Environment environment;
        AwsSession session;
        try {
            environment = stack.environment();
            session = stack.session(stack.region(env), env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String stackName = "athenaeum-" + stack.name + "-" + environment.id();
        if (!yes && !confirmed(stackName)) {
            err.println("athenaeum: not confirmed; nothing was deleted");
            return ErrorHandlers.FAILURE;
        }
        try (InterruptOnShutdown onCtrlC = InterruptOnShutdown.install()) {
            DestroyReport report = Deployment.standard(session, ImageSource.of(null, env))
                    .destroy(stack.name, environment, new DeployProgress(out, err));
            out.println(report.stackDeleted() ? "Deleted " + report.stackName() + " (" + report.objectsDeleted()
                    + " index object version(s)" + (report.secretDeleted() ? ", the OpenAI key's secret" : "")
                    + (report.repositoryDeleted() ? ", the image repository" : "") + ")"
                    : "There was no stack " + report.stackName() + (report.secretDeleted() ? "; deleted its key's secret" : "")
                    + (report.repositoryDeleted() ? "; deleted its image repository" : ""));
            out.flush();
            return 0;
        } catch (StackWaitCancelledException e) {
            err.println("athenaeum: " + Errors.oneLine(e.getMessage()));
            err.flush();
            return IndexCommand.CANCELLED;
        }
    }

    private boolean confirmed(String stackName) {
        Console console = System.console();
        if (console == null || !Terminal.interactive()) {
            throw new ParameterException(spec.commandLine(), "destroy deletes " + stackName + " and its index for good:"
                    + " confirm with --yes (there is no terminal to ask on)");
        }
        String answer = console.readLine("Delete %s, its index bucket and its OpenAI key's secret? Type the stack name to confirm: ",
                stackName);
        return answer != null && answer.strip().equals(stackName);
    }
}
