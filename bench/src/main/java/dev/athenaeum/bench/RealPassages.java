package dev.athenaeum.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Passages of real documentation: {@code words}-word passages starting every {@code stride} words of every markdown
 * file under the given folders, {@code wanted} of them taken evenly from all there are. The same inputs always give
 * the same passages, so their embeddings can be cached ({@link VectorCache}) and shared between benchmarks.
 *
 * @param texts     the passages taken
 * @param sources   for each passage, the name of its file without {@code .md}
 * @param fileCount markdown files read
 * @param available passages there were before taking {@code texts} evenly
 */
record RealPassages(List<String> texts, List<String> sources, int fileCount, int available) {

    /** Where passages come from and how they are cut: {@code --docs}, {@code --real}, {@code --passage-words}, {@code --stride}. */
    record Options(List<Path> docs, int wanted, int words, int stride) {

        static Options from(Args args) {
            return new Options(args.getList("docs", "testdata/npm-docs,/usr/share/doc/nodejs/api").stream()
                    .map(Paths2::resolve).toList(), SearchLatency.count(args.get("real", "10000")),
                    args.getInt("passage-words", 100), args.getInt("stride", 50));
        }

        RealPassages collect() {
            return RealPassages.collect(docs, wanted, words, stride);
        }
    }

    static RealPassages collect(List<Path> docs, int wanted, int words, int stride) {
        List<String> all = new ArrayList<>();
        List<String> allSources = new ArrayList<>();
        int fileCount = 0;
        for (Path d : docs) {
            for (Path f : Texts.markdownFiles(d)) {
                fileCount++;
                List<String> p = Texts.passages(Texts.read(f), words, stride, 20);
                all.addAll(p);
                String name = f.getFileName().toString().replaceAll("(?i)\\.md$", "").toLowerCase(Locale.ROOT);
                p.forEach(x -> allSources.add(name));
            }
        }
        List<String> texts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int real = Math.min(wanted, all.size());
        for (int i = 0; i < real; i++) {
            int at = (int) ((long) i * all.size() / real);
            texts.add(all.get(at));
            sources.add(allSources.get(at));
        }
        return new RealPassages(texts, sources, fileCount, all.size());
    }

    int size() {
        return texts.size();
    }
}
