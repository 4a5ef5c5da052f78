package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;

import java.nio.file.Path;

/**
 * A build in a separate JVM, for tests that kill it mid-way. Usage:
 * {@code BuildInChildProcess CORPUS INDEX_DIR [PHASE STEP]}.
 *
 * <p>Prints one line per progress event, {@code PROGRESS <phase> <done> <total>}, then {@code BUILT <generation>}.
 * With {@code PHASE STEP} it stops making progress at the first event of that phase whose {@code done} is at least
 * {@code STEP}: it prints {@code PAUSED} and sleeps inside the progress callback, i.e. in the middle of the build,
 * holding the build lock, until it is killed. That stands in for a slow disk or model at a precisely known point.
 */
public final class BuildInChildProcess {

    private BuildInChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path indexDir = Path.of(args[1]);
        Phase pausePhase = args.length > 2 ? Phase.valueOf(args[2]) : null;
        long pauseStep = args.length > 3 ? Long.parseLong(args[3]) : 0;
        BuildReport report = new IndexBuilder(IndexTestSupport.embedder()).build(
                IndexTestSupport.request(corpus, indexDir, ChunkSettings.DEFAULT),
                (IndexProgress p) -> {
                    System.out.println("PROGRESS " + p.phase() + " " + p.done() + " " + p.total());
                    System.out.flush();
                    if (p.phase() == pausePhase && p.done() >= pauseStep) {
                        System.out.println("PAUSED");
                        System.out.flush();
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                Cancellation.none());
        System.out.println("BUILT " + report.generation().getFileName());
        System.out.flush();
        System.exit(0);
    }
}
