package dev.athenaeum.gui.workspace;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.index.BuildRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A knowledge base as the workbench keeps it: folders of markdown, what to leave out of them, how to chunk and embed
 * them, and where the index goes. The same settings the command line takes as options.
 *
 * @param exclude    globs left out besides {@link ScanOptions#DEFAULT_EXCLUDE}
 * @param autoUpdate whether changed source files update the index by themselves, rather than offering to
 */
public record KnowledgeBase(String name, List<Path> sources, List<String> exclude, ChunkSettings chunking,
                            String embeddingModel, Path indexDir, boolean autoUpdate) {

    public KnowledgeBase {
        Objects.requireNonNull(name, "name");
        sources = sources.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(chunking, "chunking");
        embeddingModel = EmbeddingModels.canonical(embeddingModel);
        indexDir = indexDir.toAbsolutePath().normalize();
    }

    /** A knowledge base with the default settings of {@code athenaeum index}. */
    public static KnowledgeBase of(String name, List<Path> sources, Path indexDir) {
        return new KnowledgeBase(name, sources, List.of(), ChunkSettings.DEFAULT, EmbeddingModels.DEFAULT, indexDir, false);
    }

    public KnowledgeBase withSources(List<Path> newSources) {
        return new KnowledgeBase(name, newSources, exclude, chunking, embeddingModel, indexDir, autoUpdate);
    }

    public KnowledgeBase withChunking(ChunkSettings newChunking) {
        return new KnowledgeBase(name, sources, exclude, newChunking, embeddingModel, indexDir, autoUpdate);
    }

    public KnowledgeBase withAutoUpdate(boolean newAutoUpdate) {
        return new KnowledgeBase(name, sources, exclude, chunking, embeddingModel, indexDir, newAutoUpdate);
    }

    public KnowledgeBase withSource(Path added) {
        List<Path> all = new ArrayList<>(sources);
        all.add(added);
        return withSources(all);
    }

    /** How to scan one of the folders, or all of them; the exclusions apply alike. */
    public ScanOptions scanOptions(List<Path> roots) {
        return ScanOptions.builder().roots(roots).exclude(exclude).build();
    }

    public BuildRequest buildRequest() {
        return BuildRequest.builder().scan(scanOptions(sources)).chunking(chunking).indexDir(indexDir).build();
    }
}
