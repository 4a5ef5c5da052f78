package dev.athenaeum.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BM25 keyword search over chunks with Lucene: body text, headings and document title, English stemming. */
public final class KeywordIndex implements Closeable {

    static final String TEXT = "text";
    static final String HEADINGS = "headings";
    static final String TITLE = "title";
    static final String FILE = "file";
    /** A chunk is named by its file and its position in the file, which stay the same while the file does. */
    static final String ORD = "ord";

    /**
     * The heading line is also part of the chunk text, so the breadcrumb field only adds the outer headings and a
     * second vote for the own one. Weighted above the body it let a single heading word outrank chunks that match
     * the question's words in their text; at half weight keyword recall@5 rose on both question sets.
     */
    private static final float HEADINGS_BOOST = 0.5f;
    private static final float TITLE_BOOST = 1.0f;
    /** Queries longer than this many terms keep their first ones; Lucene caps clauses and people paste paragraphs. */
    private static final int MAX_QUERY_TERMS = 256;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = analyzer();
    private final Map<String, Integer> firstChunkByFile;

    /** A hit: chunk id and BM25 score. */
    public record Hit(int chunk, float score) {
    }

    private KeywordIndex(Directory directory, DirectoryReader reader, Map<String, Integer> firstChunkByFile) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.firstChunkByFile = firstChunkByFile;
    }

    static Analyzer analyzer() {
        return new TechnicalEnglishAnalyzer();
    }

    /**
     * Writes the keyword index of a generation: from scratch, or (append) on top of a copy of the previous
     * generation's files, replacing only the files that changed.
     */
    static final class Writer implements Closeable {
        private final Directory directory;
        private final IndexWriter writer;

        Writer(Path dir, boolean append) throws IOException {
            this.directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer());
            config.setRAMBufferSizeMB(64);
            config.setUseCompoundFile(true);
            config.setOpenMode(append ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(directory, config);
        }

        void add(String file, int ord, String title, String headings, String text) throws IOException {
            Document doc = new Document();
            doc.add(new StringField(FILE, file, Field.Store.NO));
            doc.add(new SortedDocValuesField(FILE, new BytesRef(file)));
            doc.add(new NumericDocValuesField(ORD, ord));
            doc.add(new TextField(TEXT, text, Field.Store.NO));
            doc.add(new TextField(HEADINGS, headings, Field.Store.NO));
            doc.add(new TextField(TITLE, title, Field.Store.NO));
            writer.addDocument(doc);
        }

        void deleteFile(String file) throws IOException {
            writer.deleteDocuments(new Term(FILE, file));
        }

        @Override
        public void close() throws IOException {
            writer.commit();
            writer.close();
            directory.close();
        }
    }

    /** Opens it; {@code firstChunkByFile} turns a document's file and position into the generation's chunk id. */
    static KeywordIndex open(Path dir, Map<String, Integer> firstChunkByFile) throws IOException {
        Directory d = FSDirectory.open(dir);
        try {
            return new KeywordIndex(d, DirectoryReader.open(d), firstChunkByFile);
        } catch (IOException e) {
            d.close();
            throw new IndexFormatException("the keyword index in " + dir + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Top {@code limit} chunks for {@code query}; when {@code files} is not null only chunks of those files count.
     */
    public List<Hit> search(String query, int limit, Collection<String> files) {
        Set<String> terms = terms(query);
        if (terms.isEmpty() || (files != null && files.isEmpty())) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String t : terms) {
            any.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(HEADINGS, t)), HEADINGS_BOOST), BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(TITLE, t)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        Query q = any.build();
        if (files != null) {
            q = new BooleanQuery.Builder()
                    .add(q, BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery(FILE, files.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                    .build();
        }
        try {
            ScoreDoc[] docs = searcher.search(q, limit).scoreDocs;
            List<Hit> hits = new ArrayList<>(docs.length);
            List<LeafReaderContext> leaves = reader.leaves();
            for (ScoreDoc sd : docs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                int local = sd.doc - leaf.docBase;
                NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
                SortedDocValues names = leaf.reader().getSortedDocValues(FILE);
                if (ords != null && names != null && ords.advanceExact(local) && names.advanceExact(local)) {
                    Integer first = firstChunkByFile.get(names.lookupOrd(names.ordValue()).utf8ToString());
                    if (first != null) {
                        hits.add(new Hit(first + (int) ords.longValue(), sd.score));
                    }
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
