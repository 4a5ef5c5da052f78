package dev.athenaeum.bench;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Lucene HNSW: one {@link KnnFloatVectorField} (dot product) per document in an {@link MMapDirectory}, one segment,
 * searched with {@link KnnFloatVectorQuery}. Graph settings match Athenaeum's (16 neighbours, beam 100 while
 * building). {@code fetch} is the query's k: Lucene explores that many candidates, so fetching more than the 10
 * results kept buys recall with time, as jvector's search beam does.
 */
final class LuceneEngine implements VectorEngine {

    static final String FIELD = "v";

    private final int fetch;
    private MMapDirectory dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    LuceneEngine(int fetch) {
        this.fetch = fetch;
    }

    @Override
    public String name() {
        return "Lucene HNSW (k=" + fetch + ", MMapDirectory)";
    }

    @Override
    public void build(float[][] data, int n, Path path) throws IOException {
        dir = new MMapDirectory(path);
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(16, 100);
        IndexWriterConfig cfg = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                })
                // One in-memory buffer, flushed once: a single segment and a single graph, as jvector has.
                .setRAMBufferSizeMB(1900)
                .setUseCompoundFile(false);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (int i = 0; i < n; i++) {
                Document d = new Document();
                d.add(new KnnFloatVectorField(FIELD, data[i], VectorSimilarityFunction.DOT_PRODUCT));
                w.addDocument(d);
            }
            w.forceMerge(1);
            w.commit();
        }
        reader = DirectoryReader.open(dir);
        if (reader.leaves().size() != 1 || reader.maxDoc() != n) {
            throw new IllegalStateException("expected one segment of " + n + " documents, got " + reader.leaves().size()
                    + " segments, " + reader.maxDoc() + " documents");
        }
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
    }

    @Override
    public int[] search(float[] query, int k) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, query, Math.max(k, fetch)), Math.max(k, fetch));
        ScoreDoc[] docs = top.scoreDocs;
        int[] ids = new int[Math.min(k, docs.length)];
        for (int i = 0; i < ids.length; i++) {
            // One segment, no deletions: the document id is the insertion order.
            ids[i] = docs[i].doc;
        }
        return ids;
    }

    @Override
    public long diskBytes() {
        try {
            long sum = 0;
            for (String f : dir.listAll()) {
                sum += dir.fileLength(f);
            }
            return sum;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        if (dir != null) {
            dir.close();
        }
    }
}
