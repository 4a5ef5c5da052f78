package dev.athenaeum.gui.search;

import dev.athenaeum.search.Highlighter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetTest {

    @Test
    void theSnippetStartsNearTheFirstMatchAndMarksIt() {
        String text = "Intro words. ".repeat(40) + "Then the index\nis updated after editing. " + "Tail. ".repeat(60);

        List<Snippet.Piece> pieces = Snippet.of(text, new Highlighter("update the index"));

        String joined = pieces.stream().map(Snippet.Piece::text).collect(Collectors.joining());
        assertThat(joined).startsWith("…").endsWith("…").contains("Then the index is updated").doesNotContain("\n");
        assertThat(joined.length()).isLessThanOrEqualTo(Snippet.LENGTH + 2);
        assertThat(pieces).filteredOn(Snippet.Piece::marked).extracting(Snippet.Piece::text)
                .containsExactly("index", "updated");
    }

    @Test
    void shortTextWithoutMatchesIsShownWhole() {
        assertThat(Snippet.of("Just a line.", new Highlighter("zebra")))
                .containsExactly(new Snippet.Piece("Just a line.", false));
    }
}
