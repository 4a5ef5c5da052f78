package dev.athenaeum.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlighterTest {

    @Test
    void marksWordsThatKeywordSearchWouldMatch() {
        String text = "Edit your notes, then keep the index up to date.";
        List<Highlighter.Range> ranges = new Highlighter("editing indexes").ranges(text);

        assertThat(ranges).extracting(r -> text.substring(r.start(), r.end())).containsExactly("Edit", "index");
    }

    @Test
    void stopWordsAndEmptyQueriesMarkNothing() {
        assertThat(new Highlighter("the of").isEmpty()).isTrue();
        assertThat(new Highlighter("").ranges("anything at all")).isEmpty();
    }

    @Test
    void anIdentifierAndItsPartsBecomeOneMark() {
        String text = "see package-lock.json for details";
        List<Highlighter.Range> ranges = new Highlighter("lock").ranges(text);

        assertThat(ranges).hasSize(1);
        assertThat(text.substring(ranges.get(0).start(), ranges.get(0).end())).contains("lock");
    }
}
