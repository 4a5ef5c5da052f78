package dev.athenaeum.embedding;

import dev.athenaeum.chunking.TokenSpans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordPieceTokenizerTest {

    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void open() {
        tokenizer = WordPieceTokenizer.fromClasspath("all-minilm-l6-v2-q-tokenizer.json", 256);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static List<String> pieces(String text) {
        TokenSpans spans = tokenizer.spans(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            out.add(text.substring(spans.starts()[i], spans.ends()[i]));
        }
        return out;
    }

    @Test
    void countsExcludeSpecialTokens() {
        assertThat(tokenizer.count("")).isZero();
        assertThat(tokenizer.count("npm install")).isEqualTo(3); // np ##m install
        assertThat(tokenizer.count("The cache folder.")).isEqualTo(4);
        assertThat(tokenizer.maxLength()).isEqualTo(256);
    }

    @Test
    void spansPointAtTheTokensInTheText() {
        assertThat(pieces("Run the tests, then publish.")).containsExactly("Run", "the", "tests", ",", "then", "publish", ".");
        assertThat(pieces("npm install")).containsExactly("np", "m", "install");
        assertThat(tokenizer.spans("Run the tests, then publish.").size()).isEqualTo(tokenizer.count("Run the tests, then publish."));
    }

    @Test
    void spansOfWordPiecesCoverTheWord() {
        List<String> p = pieces("believable");

        assertThat(p).hasSizeGreaterThan(1);
        assertThat(String.join("", p)).isEqualTo("believable");
    }

    @Test
    void spansAreUtf16OffsetsAfterCharactersOutsideTheBasicPlane() {
        String text = "Deploy 🚀 finished: café résumé done";

        assertThat(pieces(text)).endsWith("café", "résumé", "done");
        TokenSpans spans = tokenizer.spans(text);
        assertThat(spans.ends()[spans.size() - 1]).isEqualTo(text.length());
    }

    @Test
    void accentsAreNormalisedButSpansKeepTheOriginalText() {
        assertThat(pieces("naïve café")).containsExactly("naïve", "café");
    }
}
