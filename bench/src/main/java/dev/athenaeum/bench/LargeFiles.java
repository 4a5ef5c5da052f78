package dev.athenaeum.bench;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.chunking.HeadingStarts;
import dev.athenaeum.chunking.MarkdownChunker;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Large single files of the shapes that stress a markdown parser: one table, one paragraph of one-sentence lines,
 * one bulleted list, one fenced code block, each {@code --mb} megabytes of real documentation sentences. Parsed side
 * by side with flexmark's own heading parser and with {@link HeadingStarts} (same blocks, checked), then chunked as
 * a build chunks them.
 *
 * <pre>
 * LargeFiles [--mb 5] [--repeats 3] [--docs testdata/npm-docs]
 * </pre>
 */
public final class LargeFiles {

    record Shape(String name, Function<String, String> line, String head, String tail) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("table", s -> "| " + s.replace("|", "/") + " | " + s.length() + " |", "| text | length |\n|---|---|\n", ""),
            new Shape("paragraph lines", s -> s, "", ""),
            new Shape("bulleted list", s -> "- " + s, "", ""),
            new Shape("fenced code", s -> "  // " + s, "```js\n", "```\n"));

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        int mb = args.getInt("mb", 5);
        int repeats = Math.max(1, args.getInt("repeats", 3));
        Path docs = Paths2.resolve(args.get("docs", "testdata/npm-docs"));
        List<String> sentences = RealPassages.collect(List.of(docs), 200_000, 12, 7).texts();

        System.out.println("# Large files: parsing and chunking");
        System.out.println();
        System.out.print(MachineInfo.markdown());
        System.out.println();
        System.out.printf(Locale.ROOT, "%d MB per file, lines of 12-word passages of %s; median of %d parses after one"
                + " warm-up%n%n", mb, docs, repeats);
        Parser flexmark = Parser.builder(options()).build();
        Parser guarded = HeadingStarts.parserBuilder(options()).build();
        Embedder model = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
        MarkdownChunker chunker = new MarkdownChunker(ChunkSettings.DEFAULT, model.tokenizer());
        System.out.println("| file | lines | flexmark's heading parser, s | HeadingStarts, s | ratio | blocks alike"
                + " | chunking (HeadingStarts), s | chunks |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Shape shape : SHAPES) {
            String text = document(shape, sentences, mb * 1_000_000L);
            int lines = (int) text.lines().count();
            double before = medianSeconds(repeats, () -> flexmark.parse(text));
            double after = medianSeconds(repeats, () -> guarded.parse(text));
            boolean alike = outline(flexmark.parse(text)).equals(outline(guarded.parse(text)));
            long t0 = System.nanoTime();
            int chunks = chunker.chunk("large.md", text).size();
            double chunking = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.1f× | %s | %.2f | %,d |%n", shape.name(), lines,
                    before, after, before / after, alike ? "yes" : "NO", chunking, chunks);
        }
        model.close();
    }

    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        return options;
    }

    static String document(Shape shape, List<String> sentences, long bytes) {
        StringBuilder b = new StringBuilder("# Large file\n\n").append(shape.head());
        for (int i = 0; b.length() < bytes; i++) {
            b.append(shape.line().apply(sentences.get(i % sentences.size()))).append('\n');
        }
        return b.append(shape.tail()).toString();
    }

    private static double medianSeconds(int repeats, Runnable work) {
        work.run();
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return Stats.median(seconds);
    }

    /** Block types and offsets, depth first. */
    private static String outline(Node root) {
        StringBuilder b = new StringBuilder();
        for (Node n : root.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.util.ast.Block) {
                b.append(n.getClass().getSimpleName()).append(' ').append(n.getStartOffset()).append('-')
                        .append(n.getEndOffset()).append('\n');
            }
        }
        return b.toString();
    }
}
