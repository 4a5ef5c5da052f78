package dev.athenaeum.embedding;

import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.chunking.TokenSpans;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The word-piece tokenizer of a BERT-style embedding model, used both to count tokens for chunk budgets and to
 * encode model input. Counts exclude the special tokens the model adds around every input.
 */
public final class WordPieceTokenizer implements TextTokenizer, AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    private WordPieceTokenizer(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /** Loads a {@code tokenizer.json} from the class path. {@code maxLength} counts the special tokens too. */
    public static WordPieceTokenizer fromClasspath(String resource, int maxLength) {
        try (InputStream in = WordPieceTokenizer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer resource not found on the class path: " + resource);
            }
            // The bundled configuration truncates at 128 and pads to 128; both are decided per call here instead.
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(in, Map.of(
                    "padding", "false",
                    "truncation", "false",
                    "addSpecialTokens", "true"));
            return new WordPieceTokenizer(tok, maxLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public TokenSpans spans(String text) {
        Encoding enc = tokenizer.encode(text, false, false);
        var charSpans = enc.getCharTokenSpans();
        int[] starts = new int[charSpans.length];
        int[] ends = new int[charSpans.length];
        for (int i = 0; i < charSpans.length; i++) {
            if (charSpans[i] == null) {
                // Tokens without a source span (none for plain text) inherit the previous end.
                starts[i] = i == 0 ? 0 : ends[i - 1];
                ends[i] = starts[i];
            } else {
                starts[i] = charSpans[i].getStart();
                ends[i] = charSpans[i].getEnd();
            }
        }
        return new TokenSpans(starts, ends);
    }

    /** Token ids of model input with the special tokens, truncated to the model's window. */
    long[] idsForModel(String text) {
        long[] ids = tokenizer.encode(text, true, false).getIds();
        if (ids.length <= maxLength) {
            return ids;
        }
        // Keep [CLS], the first maxLength-2 pieces and [SEP]; callers window long text so this is a last resort.
        long[] kept = java.util.Arrays.copyOf(ids, maxLength);
        kept[maxLength - 1] = ids[ids.length - 1];
        return kept;
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
