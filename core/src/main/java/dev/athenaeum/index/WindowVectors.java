package dev.athenaeum.index;

import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.util.Bits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of an index's embedding windows, held in one or more immutable segments. Windows are numbered across
 * segments in order; a window whose chunk is gone (its file changed or was deleted after the segment was written)
 * is dead and never returned. An update adds a segment for what it embedded instead of rebuilding the graph of
 * everything; when dead windows or segments pile up, a build compacts them into one.
 */
public final class WindowVectors implements Closeable {

    /** A window and its similarity to a query: cosine, from -1 to 1. */
    public record Match(int window, int chunk, double cosine) {
    }

    private final List<VectorGraph> segments;
    private final int[] offsets;
    private final WindowTable owners;
    private final int dimension;

    private WindowVectors(List<VectorGraph> segments, int[] offsets, WindowTable owners, int dimension) {
        this.segments = segments;
        this.offsets = offsets;
        this.owners = owners;
        this.dimension = dimension;
    }

    static WindowVectors open(Path generation, IndexManifest manifest, VectorAccess access) throws IOException {
        List<VectorGraph> graphs = new ArrayList<>();
        int[] offsets = new int[manifest.segments().size() + 1];
        try {
            for (int s = 0; s < manifest.segments().size(); s++) {
                IndexManifest.Segment seg = manifest.segments().get(s);
                VectorGraph g = VectorGraph.open(generation.resolve(IndexLayout.segment(seg.name())), access);
                graphs.add(g);
                if (g.size() != seg.windows()) {
                    throw new IndexFormatException("the vector segment " + IndexLayout.segment(seg.name()) + " holds "
                            + g.size() + " windows; the manifest says " + seg.windows());
                }
                if (g.dimension() != manifest.embedding().dimension()) {
                    throw new IndexFormatException("the index's vectors have dimension " + g.dimension()
                            + " but its manifest says " + manifest.embedding().dimension());
                }
                offsets[s + 1] = offsets[s] + g.size();
            }
            WindowTable owners = WindowTable.open(generation.resolve(IndexLayout.WINDOWS));
            if (owners.size() != offsets[graphs.size()]) {
                throw new IndexFormatException("windows.bin lists " + owners.size() + " windows; the segments hold "
                        + offsets[graphs.size()]);
            }
            return new WindowVectors(graphs, offsets, owners, manifest.embedding().dimension());
        } catch (IOException | RuntimeException e) {
            for (VectorGraph g : graphs) {
                g.close();
            }
            throw e;
        }
    }

    /** Windows in all segments, dead ones included. */
    public int size() {
        return owners.size();
    }

    public int dimension() {
        return dimension;
    }

    public int segmentCount() {
        return segments.size();
    }

    /** The chunk window {@code window} belongs to, or -1 when it is dead. */
    public int chunkOf(int window) {
        return owners.chunkOf(window);
    }

    public float[] vector(int window) {
        int s = segmentOf(window);
        return segments.get(s).vector(window - offsets[s]);
    }

    /**
     * The live windows nearest to {@code query}, best first, among those whose chunk {@code acceptChunk} accepts
     * (null: all).
     */
    public List<Match> search(float[] query, int limit, java.util.function.IntPredicate acceptChunk) {
        List<Match> all = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            int offset = offsets[s];
            Bits accept = node -> {
                int chunk = owners.chunkOf(offset + node);
                return chunk >= 0 && (acceptChunk == null || acceptChunk.test(chunk));
            };
            for (SearchResult.NodeScore n : segments.get(s).search(query, limit, accept)) {
                all.add(new Match(offset + n.node, owners.chunkOf(offset + n.node), 2.0 * n.score - 1.0));
            }
        }
        all.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    private int segmentOf(int window) {
        if (window < 0 || window >= owners.size()) {
            throw new IndexOutOfBoundsException("window " + window + " of " + owners.size());
        }
        int s = 0;
        while (window >= offsets[s + 1]) {
            s++;
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (VectorGraph g : segments) {
            try {
                g.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
