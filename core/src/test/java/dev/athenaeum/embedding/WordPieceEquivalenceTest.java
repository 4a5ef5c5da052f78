package dev.athenaeum.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.athenaeum.chunking.TokenSpans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java tokenizer must produce exactly the ids of Hugging Face's native tokenizer for the same
 * {@code tokenizer.json}: the model was trained on those ids, and vectors must not depend on which one ran.
 */
class WordPieceEquivalenceTest {

    private static final String RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    private static HuggingFaceTokenizer reference;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void open() throws IOException {
        try (InputStream in = WordPieceEquivalenceTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            reference = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        }
        tokenizer = WordPieceTokenizer.fromClasspath(RESOURCE, 100_000);
    }

    @AfterAll
    static void close() {
        reference.close();
        tokenizer.close();
    }

    static Stream<Path> documentationFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("../testdata/npm-docs"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documentationFiles")
    void sameIdsAndSpansAsTheNativeTokenizerOnRealDocumentation(Path file) throws IOException {
        assertEquivalent(Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Café crème brûlée, naïve façade — déjà vu",
            "İstanbul ÅNGSTRÖM Øresund straße",
            "中文字符和日本語のテキスト、한국어 텍스트",
            "emoji 🚀 rocket 👩‍💻 coder and a flag 🇩🇪",
            "tabs\tand\u00A0non-breaking\u2003spaces\u3000ideographic",
            "control\u0007chars\u200Bzero-width\uFEFFbom\u00ADsoft-hyphen",
            "literal special tokens [CLS] and [MASK] and [SEP] and [UNK] inside text",
            "supercalifragilisticexpialidociouslyantidisestablishmentarianismfloccinaucinihilipilificationpneumonoultramicroscopicsilicovolcanoconiosis",
            "peerDependenciesMeta package-lock.json $HOME/.npmrc ^1.2.3 ~4.5 >=7 <8 a||b",
            "¿Qué? ¡Sí! «guillemets» „Anführungszeichen“ ‘single’ “double” … ellipsis",
            "Ελληνικά Русский текст עברית العربية हिन्दी",
            "ﬁ ligature, Ⅻ numeral, ½ fraction, ² superscript, Å angstrom sign",
            ""})
    void sameIdsAndSpansOnAwkwardText(String text) {
        assertEquivalent(text);
    }

    private static void assertEquivalent(String text) {
        Encoding enc = reference.encode(text, false, false);
        long[] expected = enc.getIds();
        long[] actual = tokenizer.idsForModel(text);
        assertThat(Arrays.copyOfRange(actual, 1, actual.length - 1)).as("ids of %s", abbreviate(text)).containsExactly(expected);
        assertThat(tokenizer.count(text)).isEqualTo(expected.length);
        TokenSpans spans = tokenizer.spans(text);
        var charSpans = enc.getCharTokenSpans();
        int[] codePointToChar = codePointToCharIndex(text);
        for (int i = 0; i < expected.length; i++) {
            if (charSpans[i] == null) {
                continue;
            }
            assertThat(spans.starts()[i]).as("start of token %d in %s", i, abbreviate(text))
                    .isEqualTo(codePointToChar[charSpans[i].getStart()]);
            assertThat(spans.ends()[i]).as("end of token %d in %s", i, abbreviate(text))
                    .isEqualTo(codePointToChar[charSpans[i].getEnd()]);
        }
    }

    /** The native tokenizer reports spans in code points; Java strings index UTF-16 units. */
    private static int[] codePointToCharIndex(String text) {
        int n = text.codePointCount(0, text.length());
        int[] map = new int[n + 1];
        int c = 0;
        for (int cp = 0; cp < n; cp++) {
            map[cp] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        map[n] = text.length();
        return map;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

}
