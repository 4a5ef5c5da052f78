package dev.athenaeum.server.lambda;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The runtime loop running in a thread of the test against a {@link FakeRuntimeApi}, as the container would run it;
 * closing stops the fake Runtime API, which ends the loop the way a real process ends: invocation/next fails.
 */
final class RunningFunction implements AutoCloseable {

    final FakeRuntimeApi runtime;
    final RuntimeApiClient client;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    private RunningFunction(FakeRuntimeApi runtime) {
        this.runtime = runtime;
        this.client = new RuntimeApiClient(runtime.hostPort());
    }

    /** Starts the loop with an init that builds the handler from the client of this fake Runtime API. */
    static RunningFunction start(java.util.function.Function<RuntimeApiClient, Callable<InvocationHandler>> init)
            throws Exception {
        RunningFunction f = new RunningFunction(new FakeRuntimeApi());
        Thread t = new Thread(() -> f.exitCode.complete(new RuntimeLoop(f.client).run(init.apply(f.client))),
                "runtime-loop");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Forwards events to a server on {@code port}, as after a successful cold start. */
    static RunningFunction serving(int port, boolean streaming) throws Exception {
        return start(client -> () -> new InvocationHandler(client, new LocalForwarder(port), streaming));
    }

    int awaitExit() throws Exception {
        return exitCode.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        runtime.close();
        try {
            exitCode.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
