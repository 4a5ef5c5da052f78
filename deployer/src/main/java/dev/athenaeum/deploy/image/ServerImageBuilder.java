package dev.athenaeum.deploy.image;

import dev.athenaeum.index.FileTrees;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Builds the server image without Docker (Jib) and pushes it: the base image's JRE, a layer of third-party jars
 * (rarely changes, so pushes usually skip it) and a layer of Athenaeum's own; one platform, never a manifest list,
 * since Lambda accepts neither a list nor a platform other than the function's (docs/decisions/0014-server-image.md).
 */
public final class ServerImageBuilder {

    static final String HOME = "/opt/athenaeum";
    private static final Logger log = LoggerFactory.getLogger(ServerImageBuilder.class);

    /** Builds and pushes; a cancel stops Jib's threads and throws {@link CancelledException}. */
    public ImageResult build(ServerDistribution server, ImageSettings settings, ImageListener listener,
                             Cancellation cancel) throws ImageException {
        long started = System.nanoTime();
        Path work = null;
        // Unbounded, as Jib's own default: its steps block on one another, and a fixed pool starves.
        ExecutorService jibThreads = Executors.newCachedThreadPool(daemons("jib"));
        ExecutorService driver = Executors.newSingleThreadExecutor(daemons("image-build"));
        try {
            work = Files.createTempDirectory("athenaeum-image-");
            Layers layers = Layers.of(server, settings.architecture(), work);
            JibContainerBuilder image = Jib.from(registryImage(settings.baseImage(), settings.baseCredentials()))
                    .setPlatforms(Set.of(new Platform(settings.architecture().imagePlatform(), "linux")))
                    .addFileEntriesLayer(layers.dependencies())
                    .addFileEntriesLayer(layers.own())
                    .setEnvironment(settings.environment())
                    .setEntrypoint(entrypoint(settings, layers))
                    // A fixed time keeps identical inputs at one digest; the push time is in the registry.
                    .setCreationTime(Instant.EPOCH);
            ProgressTracker tracker = new ProgressTracker(listener);
            Containerizer to = Containerizer.to(registryImage(settings.targetImage(), settings.targetCredentials()))
                    .setAllowInsecureRegistries(settings.allowInsecure())
                    .setExecutorService(jibThreads)
                    .setToolName("athenaeum")
                    .addEventHandler(com.google.cloud.tools.jib.event.events.ProgressEvent.class, tracker::onEvent)
                    .addEventHandler(com.google.cloud.tools.jib.api.LogEvent.class, tracker::onLog);
            Future<JibContainer> running = driver.submit(() -> image.containerize(to));
            JibContainer pushed = await(running, cancel);
            String repository = settings.targetImage().contains("@") ? settings.targetImage().substring(0, settings.targetImage().indexOf('@'))
                    : stripTag(settings.targetImage());
            ImageResult result = new ImageResult(repository + "@" + pushed.getDigest(), pushed.getDigest().toString(),
                    pushed.getImageId().toString(), layers.bytes());
            tracker.finished("pushed " + result.reference());
            log.info("image {} pushed in {} ms ({} bytes of jars)", result.reference(),
                    (System.nanoTime() - started) / 1_000_000, layers.bytes());
            return result;
        } catch (InvalidImageReferenceException e) {
            throw new ImageException("not an image reference: " + e.getInvalidReference(), e);
        } catch (IOException e) {
            throw new ImageException("cannot prepare the image's files: " + e.getMessage(), e);
        } finally {
            driver.shutdownNow();
            jibThreads.shutdownNow();
            deleteQuietly(work);
        }
    }

    private static JibContainer await(Future<JibContainer> running, Cancellation cancel) throws ImageException {
        while (true) {
            if (cancel.isCancelled()) {
                running.cancel(true);
                throw new CancelledException();
            }
            try {
                return running.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Look at the cancel flag again.
            } catch (InterruptedException e) {
                running.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                throw ImageException.from(e.getCause());
            }
        }
    }

    static List<String> entrypoint(ImageSettings settings, Layers layers) {
        List<String> classpath = new ArrayList<>(layers.ownPaths());
        classpath.add(HOME + "/lib/*");
        return List.of(settings.javaCommand(), "-cp", String.join(":", classpath), ServerDistribution.LAMBDA_MAIN);
    }

    private static RegistryImage registryImage(String reference, java.util.Optional<RegistryCredentials> credentials)
            throws InvalidImageReferenceException {
        RegistryImage image = RegistryImage.named(reference);
        credentials.ifPresent(c -> image.addCredential(c.username(), c.password()));
        return image;
    }

    /** {@code host:port/repo:tag} → {@code host:port/repo}; the port's colon is not a tag's. */
    static String stripTag(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? reference.substring(0, colon) : reference;
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
