package dev.athenaeum.index;

import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import io.github.jbellis.jvector.disk.RandomAccessReader;
import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.disk.SimpleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors read with positional reads give exactly what mapped vectors give. */
class VectorAccessTest {

    @TempDir
    Path tmp;

    @Test
    void positionalReadsMatchJvectorsOwnReaderAcrossBufferBoundaries() throws IOException {
        Path file = tmp.resolve("values.bin");
        Random random = new Random(7);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 30_000; i++) {
                out.writeInt(random.nextInt());
                out.writeFloat(random.nextFloat());
                out.writeLong(random.nextLong());
            }
        }
        long length = Files.size(file);
        try (ReaderSupplier supplier = PositionalReader.supplier(file);
             RandomAccessReader ours = supplier.get();
             SimpleReader theirs = new SimpleReader(file)) {
            assertThat(ours.length()).isEqualTo(length);
            for (int trial = 0; trial < 2_000; trial++) {
                // Random places and sizes, many of them straddling the end of the 8 KB buffer.
                long at = (random.nextLong(length - 40_000) / 4) * 4;
                ours.seek(at);
                theirs.seek(at);
                switch (trial % 5) {
                    case 0 -> assertThat(ours.readInt()).isEqualTo(theirs.readInt());
                    case 1 -> assertThat(ours.readLong()).isEqualTo(theirs.readLong());
                    case 2 -> {
                        int n = 1 + random.nextInt(5_000);
                        float[] a = new float[n + 3];
                        float[] b = new float[n + 3];
                        ours.read(a, 3, n);
                        theirs.read(b, 3, n);
                        assertThat(a).containsExactly(b);
                    }
                    case 3 -> {
                        int n = 1 + random.nextInt(5_000);
                        int[] a = new int[n];
                        int[] b = new int[n];
                        ours.read(a, 0, n);
                        theirs.read(b, 0, n);
                        assertThat(a).containsExactly(b);
                    }
                    default -> {
                        byte[] a = new byte[1 + random.nextInt(20_000)];
                        byte[] b = new byte[a.length];
                        ours.readFully(ByteBuffer.wrap(a));
                        theirs.readFully(b);
                        assertThat(a).containsExactly(b);
                    }
                }
                assertThat(ours.getPosition()).isEqualTo(theirs.getPosition());
            }
            ours.seek(length - 2);
            assertThatThrownBy(ours::readInt).isInstanceOf(java.io.EOFException.class).hasMessageContaining("past the end");
        }
    }

    @Test
    void anIndexOpenedForReadsFindsWhatTheMappedOneFinds() throws IOException {
        Path corpus = IndexTestSupport.copyNpmDocs(tmp.resolve("docs"), VectorSegmentsTest.FILES);
        Path indexDir = tmp.resolve("index");
        IndexTestSupport.build(corpus, indexDir);
        List<String> queries = List.of("check that the registry is reachable", "where are global packages installed",
                "open the documentation of a package in the browser", "who am I logged in as");

        for (String q : queries) {
            SearchRequest request = SearchRequest.builder(q).mode(SearchMode.DENSE).topK(5).build();
            assertThat(hits(indexDir, VectorAccess.READ, request)).as(q)
                    .isNotEmpty().isEqualTo(hits(indexDir, VectorAccess.MAPPED, request));
        }
    }

    private static List<String> hits(Path indexDir, VectorAccess access, SearchRequest request) throws IOException {
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir, access)) {
            List<SearchHit> hits = new Searcher(index, IndexTestSupport.embedder()).search(request);
            return hits.stream().map(h -> h.file() + ":" + h.startLine() + " " + h.score()).toList();
        }
    }
}
