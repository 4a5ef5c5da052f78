package dev.athenaeum.cli;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.index.BuildRequest;
import dev.athenaeum.index.IndexManifest;

import java.nio.file.Path;
import java.util.List;

/**
 * The build the user asked for: options given on the command line win, then what an existing index recorded (its
 * chunk settings and model always; its folders and filters when no folders are named), then the defaults. Invalid combinations fail here with
 * {@link IllegalArgumentException}, before the model is loaded.
 *
 * @param fromManifest whether the folders came from the index instead of the command line
 */
record BuildPlan(BuildRequest request, String model, boolean fromManifest) {

    /** What was typed; null and empty mean "not given". */
    record Args(List<Path> roots, Integer chunkSize, Integer chunkOverlap, List<String> include, List<String> exclude,
                Long maxFileBytes, String model, boolean rebuild) {
    }

    /**
     * @param recorded the existing index's manifest, or null when there is none
     */
    static BuildPlan of(Args args, Path indexDir, IndexManifest recorded) {
        boolean fromManifest = args.roots().isEmpty();
        if (fromManifest && recorded == null) {
            throw new IllegalArgumentException("no folders to index: name one or more (athenaeum index DIR... --index "
                    + indexDir + "), or point --index at an existing index to update it");
        }
        IndexManifest m = fromManifest ? recorded : null;
        // Re-running a build must not silently re-chunk or re-embed everything with defaults.
        ChunkSettings chunking = ChunkSettings.of(
                orElse(args.chunkSize(), recorded == null ? ChunkSettings.DEFAULT_CHUNK_SIZE : recorded.chunking().chunkSize()),
                orElse(args.chunkOverlap(), recorded == null ? ChunkSettings.DEFAULT_CHUNK_OVERLAP : recorded.chunking().chunkOverlap()));
        ScanOptions.Builder scan = ScanOptions.builder();
        if (m == null) {
            scan.roots(args.roots());
        } else {
            m.sources().roots().forEach(r -> scan.root(Path.of(r)));
            // The recorded exclusions already contain the defaults of the time the index was built.
            scan.excludeOnly(m.sources().exclude());
            scan.include(m.sources().include());
            scan.maxFileBytes(m.sources().maxFileBytes());
        }
        scan.exclude(args.exclude());
        if (!args.include().isEmpty()) {
            scan.include(args.include());
        }
        if (args.maxFileBytes() != null) {
            scan.maxFileBytes(args.maxFileBytes());
        }
        String model = EmbeddingModels.canonical(args.model() != null ? args.model()
                : recorded != null ? recorded.embedding().model() : EmbeddingModels.DEFAULT);
        BuildRequest request = BuildRequest.builder().scan(scan.build()).chunking(chunking).indexDir(indexDir)
                .rebuild(args.rebuild()).build();
        return new BuildPlan(request, model, fromManifest);
    }

    private static int orElse(Integer given, int fallback) {
        return given != null ? given : fallback;
    }
}
