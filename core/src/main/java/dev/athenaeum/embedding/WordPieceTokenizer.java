package dev.athenaeum.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.chunking.TokenSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The uncased BERT word-piece tokenizer of a sentence-transformers model, in plain Java: the same normalisation,
 * pre-tokenisation and greedy longest-match word pieces as Hugging Face's {@code tokenizers}, read from the model's
 * {@code tokenizer.json}. Chunking counts tokens for every block and sentence of a corpus, so this runs in the hot
 * path; the native tokenizer spent most of its time building objects this never needs. Equivalence with the
 * native implementation is checked by a test over real documentation.
 *
 * <p>Counts exclude the special tokens the model adds around every input. Thread-safe.
 */
public final class WordPieceTokenizer implements TextTokenizer, AutoCloseable {

    private static final int MAX_CHARS_PER_WORD = 100;
    private static final String[] SPECIAL = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

    private final PieceTable pieces;
    /** Continuation pieces ({@code ##ing}) without their marker. */
    private final PieceTable continuations;
    private final Map<String, Integer> special;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int maxLength;

    private WordPieceTokenizer(Map<String, Integer> vocab, Map<String, Integer> special, int maxLength) {
        Map<String, Integer> heads = new HashMap<>(vocab.size() * 2);
        Map<String, Integer> tails = new HashMap<>();
        vocab.forEach((piece, id) -> {
            if (piece.startsWith("##") && piece.length() > 2) {
                tails.put(piece.substring(2), id);
            } else {
                heads.put(piece, id);
            }
        });
        this.pieces = new PieceTable(heads);
        this.continuations = new PieceTable(tails);
        this.special = special;
        this.unk = vocab.get("[UNK]");
        this.cls = vocab.get("[CLS]");
        this.sep = vocab.get("[SEP]");
        this.maxLength = maxLength;
    }

    /** Loads a {@code tokenizer.json} from the class path. {@code maxLength} counts the special tokens too. */
    public static WordPieceTokenizer fromClasspath(String resource, int maxLength) {
        try (InputStream in = WordPieceTokenizer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer resource not found on the class path: " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode model = root.path("model");
            if (!"WordPiece".equals(model.path("type").asText())) {
                throw new IllegalStateException(resource + " is not a word-piece tokenizer");
            }
            Map<String, Integer> vocab = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                vocab.put(e.getKey(), e.getValue().asInt());
            }
            Map<String, Integer> special = new HashMap<>();
            for (String s : SPECIAL) {
                if (!vocab.containsKey(s)) {
                    throw new IllegalStateException(resource + " lacks the special token " + s);
                }
                special.put(s, vocab.get(s));
            }
            return new WordPieceTokenizer(vocab, special, maxLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives each token: its id and its character span in the original text. */
    interface Sink {
        void token(int id, int start, int end);
    }

    @Override
    public int count(String text) {
        int[] n = {0};
        tokenize(text, (id, s, e) -> n[0]++);
        return n[0];
    }

    @Override
    public TokenSpans spans(String text) {
        IntList starts = new IntList();
        IntList ends = new IntList();
        tokenize(text, (id, s, e) -> {
            starts.add(s);
            ends.add(e);
        });
        return new TokenSpans(starts.toArray(), ends.toArray());
    }

    /** Token ids of model input with [CLS] and [SEP], truncated to the model's window. */
    long[] idsForModel(String text) {
        IntList ids = new IntList();
        ids.add(cls);
        tokenize(text, (id, s, e) -> {
            if (ids.size < maxLength - 1) {
                ids.add(id);
            }
        });
        ids.add(sep);
        long[] out = new long[ids.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.values[i];
        }
        return out;
    }

    public int maxLength() {
        return maxLength;
    }

    void tokenize(String text, Sink sink) {
        int from = 0;
        while (from < text.length()) {
            int at = -1;
            String found = null;
            if (text.indexOf('[', from) >= 0) {
                for (String s : SPECIAL) {
                    int i = text.indexOf(s, from);
                    if (i >= 0 && (at < 0 || i < at)) {
                        at = i;
                        found = s;
                    }
                }
            }
            int end = at < 0 ? text.length() : at;
            tokenizeSegment(text, from, end, sink);
            if (at < 0) {
                return;
            }
            // Special tokens written literally in the text are matched before normalisation, as Hugging Face does.
            sink.token(special.get(found), at, at + found.length());
            from = at + found.length();
        }
    }

    /** Normalises, splits into words (at white space and around punctuation), and cuts each word into pieces. */
    private void tokenizeSegment(String text, int from, int to, Sink sink) {
        CharList word = new CharList();
        IntList origins = new IntList();
        IntList originEnds = new IntList();
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || BertChars.isControl(cp)) {
                i = next;
                continue;
            }
            if (BertChars.isWhitespace(cp)) {
                flush(word, origins, originEnds, sink);
                i = next;
                continue;
            }
            if (BertChars.isPunctuation(cp) || BertChars.isChinese(cp)) {
                flush(word, origins, originEnds, sink);
                appendNormalised(cp, i, next, word, origins, originEnds);
                flush(word, origins, originEnds, sink);
                i = next;
                continue;
            }
            appendNormalised(cp, i, next, word, origins, originEnds);
            i = next;
        }
        flush(word, origins, originEnds, sink);
    }

    private static void appendNormalised(int cp, int start, int end, CharList word, IntList origins, IntList originEnds) {
        if (cp < 0x80) {
            char c = (char) cp;
            word.add(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            origins.add(start);
            originEnds.add(end);
            return;
        }
        String normalised = BertChars.stripAccentsAndLowercase(cp);
        for (int k = 0; k < normalised.length(); k++) {
            word.add(normalised.charAt(k));
            origins.add(start);
            originEnds.add(end);
        }
    }

    private void flush(CharList word, IntList origins, IntList originEnds, Sink sink) {
        if (word.size == 0) {
            return;
        }
        int n = word.size;
        int wordStart = origins.values[0];
        int wordEnd = originEnds.values[n - 1];
        if (n > MAX_CHARS_PER_WORD && Character.codePointCount(word.values, 0, n) > MAX_CHARS_PER_WORD) {
            sink.token(unk, wordStart, wordEnd);
        } else {
            cutIntoPieces(word, origins, originEnds, sink, wordStart, wordEnd);
        }
        word.size = 0;
        origins.size = 0;
        originEnds.size = 0;
    }

    private void cutIntoPieces(CharList word, IntList origins, IntList originEnds, Sink sink, int wordStart, int wordEnd) {
        int n = word.size;
        char[] w = word.values;
        // Most words are pieces themselves: no need for the arrays the cutting below needs.
        int whole = pieces.get(w, 0, n);
        if (whole >= 0) {
            sink.token(whole, wordStart, wordEnd);
            return;
        }
        int start = 0;
        int[] ids = new int[n];
        int[] bounds = new int[n + 1];
        int count = 0;
        while (start < n) {
            // No range longer than the longest piece can match, so none is tried.
            int end = Math.min(n, start + Math.max(1, (start == 0 ? pieces : continuations).longest()));
            if (end < n && Character.isLowSurrogate(w[end])) {
                end++;
            }
            int id = -1;
            while (end > start) {
                id = start == 0 ? pieces.get(w, start, end) : continuations.get(w, start, end);
                if (id >= 0) {
                    break;
                }
                end--;
                if (end > start && Character.isLowSurrogate(w[end])) {
                    end--;
                }
            }
            if (id < 0) {
                // No piece fits: the whole word is unknown, as in BERT.
                sink.token(unk, wordStart, wordEnd);
                return;
            }
            ids[count] = id;
            bounds[count] = start;
            count++;
            start = end;
        }
        bounds[count] = n;
        for (int k = 0; k < count; k++) {
            sink.token(ids[k], origins.values[bounds[k]], originEnds.values[bounds[k + 1] - 1]);
        }
    }

    @Override
    public void close() {
        // Nothing native to release; kept so callers can treat every tokenizer alike.
    }

    /** A growable char array: a word being read, whose ranges are looked up without making strings. */
    static final class CharList {
        char[] values = new char[32];
        int size;

        void add(char c) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = c;
        }
    }

    /** A growable int array without boxing. */
    static final class IntList {
        int[] values = new int[32];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
