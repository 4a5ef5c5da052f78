package dev.athenaeum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a corpus of exactly N real markdown files: the npm docs as they are, then the Node.js API docs cut into one
 * file per {@code ## } section; while there are too few files, the largest section is cut further at its next
 * heading level. With too many, the first N (npm first, then Node.js in document order) are kept.
 */
public final class CorpusMaker {

    /** A file to write: its path inside the corpus and its text. */
    public record Item(String path, String text, int level) {
    }

    private CorpusMaker() {
    }

    public static List<Item> plan(int files, Path nodeDocs, Path npmDocs) {
        List<Item> items = new ArrayList<>();
        if (npmDocs != null) {
            for (Path p : Texts.markdownFiles(npmDocs)) {
                items.add(new Item("npm/" + npmDocs.relativize(p).toString().replace('\\', '/'), Texts.read(p), 1));
            }
        }
        for (Path p : Texts.markdownFiles(nodeDocs)) {
            String doc = p.getFileName().toString().replaceAll("\\.md$", "");
            List<String> parts = Texts.splitAtHeadings(Texts.read(p), 2);
            for (int i = 0; i < parts.size(); i++) {
                items.add(new Item(String.format("node/%s/%03d-%s.md", doc, i, Texts.slug(parts.get(i))), parts.get(i), 2));
            }
        }
        return refine(items, files);
    }

    /** Cuts the largest item at its next heading level until there are {@code files} items, then keeps the first ones. */
    static List<Item> refine(List<Item> items, int files) {
        List<Item> out = new ArrayList<>(items);
        List<Item> uncuttable = new ArrayList<>();
        while (out.size() < files) {
            Item largest = null;
            for (Item it : out) {
                if (!it.path().startsWith("npm/") && !uncuttable.contains(it)
                        && (largest == null || it.text().length() > largest.text().length())) {
                    largest = it;
                }
            }
            if (largest == null) {
                break;
            }
            List<String> parts = List.of();
            int level = largest.level();
            while (parts.size() < 2 && level < 6) {
                level++;
                parts = Texts.splitAtHeadings(largest.text(), level);
            }
            if (parts.size() < 2) {
                uncuttable.add(largest);
                continue;
            }
            int at = out.indexOf(largest);
            out.remove(at);
            String base = largest.path().replaceAll("\\.md$", "");
            for (int i = 0; i < parts.size(); i++) {
                out.add(at + i, new Item(String.format("%s-%02d.md", base, i), parts.get(i), level));
            }
        }
        return out.size() > files ? new ArrayList<>(out.subList(0, files)) : out;
    }

    /** Writes the items under {@code dir}; returns their total size in bytes. */
    public static long write(List<Item> items, Path dir) throws IOException {
        long bytes = 0;
        for (Item it : items) {
            Path p = dir.resolve(it.path());
            Files.createDirectories(p.getParent());
            byte[] b = it.text().getBytes(StandardCharsets.UTF_8);
            Files.write(p, b);
            bytes += b.length;
        }
        return bytes;
    }
}
