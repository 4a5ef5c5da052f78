package dev.athenaeum.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reads a scanned file into a {@link Document}, or says in one line why it cannot be indexed. */
public final class DocumentLoader {

    private final long maxFileBytes;

    public DocumentLoader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public LoadResult load(SourceFile source) {
        byte[] bytes;
        try {
            long size = Files.size(source.path());
            if (size > maxFileBytes) {
                return skipped(source, "too large: " + Sizes.human(size) + " is over the " + Sizes.human(maxFileBytes) + " limit");
            }
            bytes = Files.readAllBytes(source.path());
        } catch (AccessDeniedException e) {
            return skipped(source, "cannot read: permission denied");
        } catch (NoSuchFileException e) {
            return skipped(source, "disappeared before it could be read");
        } catch (IOException | OutOfMemoryError e) {
            return skipped(source, "cannot read: " + e.getMessage());
        }
        return fromBytes(source.file(), bytes);
    }

    /** Decodes and splits already-read bytes; public so previews can load text without touching the disk twice. */
    public static LoadResult fromBytes(String file, byte[] bytes) {
        if (bytes.length == 0) {
            return new LoadResult.Skipped(new SkippedFile(file, "empty file"));
        }
        Optional<TextDecoder.Decoded> decoded = TextDecoder.decode(bytes);
        if (decoded.isEmpty()) {
            return new LoadResult.Skipped(new SkippedFile(file, "binary file, not text"));
        }
        List<String> notes = new ArrayList<>();
        if (decoded.get().note() != null) {
            notes.add(decoded.get().note());
        }
        String text = normaliseLineEnds(decoded.get().text());
        FrontMatter.Split split = FrontMatter.split(text);
        if (split.note() != null) {
            notes.add(split.note());
        }
        if (split.body().isBlank()) {
            return new LoadResult.Skipped(new SkippedFile(file, split.metadata().isEmpty() ? "empty file" : "no text besides front matter"));
        }
        Object title = split.metadata().get("title");
        return new LoadResult.Loaded(new Document(file, split.body(), split.metadata(),
                title == null ? null : title.toString(), sha256(bytes), bytes.length, notes));
    }

    private static LoadResult skipped(SourceFile source, String reason) {
        return new LoadResult.Skipped(new SkippedFile(source.file(), reason));
    }

    static String normaliseLineEnds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
