package dev.athenaeum.server.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The life of the function's process: init, reported to Lambda as an init error when it fails, then one invocation
 * after another for as long as the Runtime API hands them out.
 */
final class RuntimeLoop {

    private static final Logger log = LoggerFactory.getLogger(RuntimeLoop.class);

    private final RuntimeApiClient runtime;

    RuntimeLoop(RuntimeApiClient runtime) {
        this.runtime = runtime;
    }

    /**
     * Returns the process exit code: non-zero after a failed init, or when the Runtime API went away; zero when a
     * new index was uploaded (Lambda then starts a fresh instance, which downloads it, for the next request).
     */
    int run(Callable<InvocationHandler> init) {
        InvocationHandler handler;
        try {
            handler = init.call();
        } catch (Exception e) {
            String message = Messages.oneLine(e);
            log.error("init failed: {}", message);
            try {
                runtime.initError(errorType(e), message);
            } catch (IOException | InterruptedException | RuntimeException x) {
                log.error("could not report the init error to the Runtime API at {}: {}", runtime.base(), Messages.oneLine(x));
            }
            return 1;
        }
        while (true) {
            Invocation invocation;
            try {
                invocation = runtime.next();
            } catch (IOException e) {
                log.error("the Runtime API at {} is gone: {}", runtime.base(), Messages.oneLine(e));
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            try {
                handler.handle(invocation);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (IOException | RuntimeException e) {
                // The next call to invocation/next tells whether the Runtime API is still there.
                log.error("{} failed: {}", invocation.requestId(), Messages.oneLine(e));
            }
            // After the answer was posted and before asking for the next event: the check costs no request time.
            if (handler.indexChanged()) {
                log.info("ending this instance so that the next request starts one with the new index");
                return 0;
            }
        }
    }

    static String errorType(Exception e) {
        return switch (e) {
            case IndexDownloadException d -> "Athenaeum.IndexRefused";
            case IllegalArgumentException a -> "Athenaeum.InvalidConfiguration";
            default -> "Athenaeum.InitFailed";
        };
    }
}
