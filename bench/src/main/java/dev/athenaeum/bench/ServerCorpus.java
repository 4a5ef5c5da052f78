package dev.athenaeum.bench;

import dev.athenaeum.chunking.TextTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Markdown for a synthetic index of exactly N chunks: one {@code ## } section per chunk, {@code perFile} sections a
 * file. Section i &lt; real is real passage i; a later one mixes two passages the way its derived vector mixes their
 * vectors ({@link DerivedVectors}): the first w of passage a's words, then the last 1−w of passage b's. Each heading
 * names the passages' documents and ends in {@code §i}, which {@link SectionVectorModel} reads. Passages are cleaned
 * of what would change the block structure (code fences, HTML comments, leading markup), so every section stays one
 * paragraph and one chunk, and cut to a token budget that fits in one chunk.
 */
final class ServerCorpus {

    private ServerCorpus() {
    }

    /**
     * The files for {@code n} sections, each section's text cut to at most {@code maxTokens} tokens so that, with
     * its headings, it stays within one chunk.
     */
    static List<CorpusMaker.Item> plan(RealPassages passages, DerivedVectors.Mix[] mixes, int n, int perFile,
                                       TextTokenizer tokenizer, int maxTokens) {
        int real = passages.size();
        if (n > real + mixes.length) {
            throw new IllegalArgumentException("need " + n + " sections but have " + real + " passages and "
                    + mixes.length + " mixes");
        }
        String[] bodies = IntStream.range(0, n).parallel().mapToObj(i -> {
            String body = i < real ? clean(passages.texts().get(i))
                    : mix(clean(passages.texts().get(mixes[i - real].a())),
                    clean(passages.texts().get(mixes[i - real].b())), mixes[i - real].w());
            return fit(body, tokenizer, maxTokens);
        }).toArray(String[]::new);
        List<CorpusMaker.Item> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String title = null;
        for (int i = 0; i < n; i++) {
            String heading;
            if (i < real) {
                heading = passages.sources().get(i);
            } else {
                DerivedVectors.Mix m = mixes[i - real];
                String sa = passages.sources().get(m.a());
                String sb = passages.sources().get(m.b());
                heading = sa.equals(sb) ? sa : sa + " and " + sb;
            }
            String body = bodies[i];
            if (i % perFile == 0) {
                title = heading.replace(" and ", ", ") + " excerpts, part " + (i / perFile + 1);
                text.append("# ").append(title).append("\n\n");
            }
            text.append("## ").append(heading).append(' ').append(SectionVectorModel.MARK).append(i).append("\n\n")
                    .append(body).append("\n\n");
            if (i % perFile == perFile - 1 || i == n - 1) {
                files.add(new CorpusMaker.Item(String.format(Locale.ROOT, "part-%05d.md", i / perFile + 1),
                        text.toString(), 1));
                text.setLength(0);
            }
        }
        return files;
    }

    /** {@code text}, or as many of its first words as fit in {@code maxTokens} tokens (at least one). */
    static String fit(String text, TextTokenizer tokenizer, int maxTokens) {
        if (tokenizer.count(text) <= maxTokens) {
            return text;
        }
        String[] words = text.split(" ");
        int lo = 1;
        int hi = words.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tokenizer.count(String.join(" ", Arrays.copyOfRange(words, 0, mid))) <= maxTokens) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return String.join(" ", Arrays.copyOfRange(words, 0, lo));
    }

    /** The first {@code w} of {@code a}'s words followed by the last {@code 1 − w} of {@code b}'s (at least one each). */
    static String mix(String a, String b, double w) {
        String[] wa = a.split("\\s+");
        String[] wb = b.split("\\s+");
        int ka = Math.max(1, Math.min(wa.length, (int) Math.round(w * wa.length)));
        int kb = Math.max(1, Math.min(wb.length, (int) Math.round((1 - w) * wb.length)));
        return String.join(" ", Arrays.copyOfRange(wa, 0, ka)) + " "
                + String.join(" ", Arrays.copyOfRange(wb, wb.length - kb, wb.length));
    }

    /**
     * One line of prose: no code fences or HTML comment marks (they would swallow the following sections), no
     * section marks, and starting with a letter or digit (not a heading, quote, list or HTML block).
     */
    static String clean(String passage) {
        String s = passage.replaceAll("`{3,}|~{3,}|<!--|-->", " ").replace(SectionVectorModel.MARK, ' ')
                .replaceAll("\\s+", " ").strip();
        int start = 0;
        while (start < s.length() && !Character.isLetterOrDigit(s.charAt(start))) {
            start++;
        }
        String out = s.substring(start);
        return out.isEmpty() ? "passage" : out;
    }
}
