package dev.athenaeum.chat;

import dev.athenaeum.search.SearchHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CitationsTest {

    @Test
    void everyShapeModelsWriteIsRead() {
        assertThat(Citations.numbers("Yes [1].")).containsExactly(1);
        assertThat(Citations.numbers("Both [1, 3] and [2][4]; also [ 5 ;6 ].")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Citations.numbers("A range [2-4] and [7–8].")).containsExactly(2, 3, 4, 7, 8);
        assertThat(Citations.numbers("Repeated [2] and [2].")).containsExactly(2);
    }

    @Test
    void bracketsThatAreNotCitationsAreIgnored() {
        assertThat(Citations.numbers("a[i] = b; see [the docs](x.md), [ ], [1a], [x, 1], array[0x1]")).isEmpty();
        assertThat(Citations.numbers("A reversed range [4-2] or a huge one [1-900] counts only its start."))
                .containsExactly(1, 4);
    }

    @Test
    void citedSourcesKeepSourceOrderAndIgnoreNumbersNamingNoSource() {
        List<ChatSource> sources = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> new ChatSource(n, new SearchHit(n, "f" + n + ".md", List.of("H"), n, n + 1, 1.0, "t")))
                .toList();

        List<ChatSource> cited = Citations.cited("First [3], then [1][7], never [0].", sources);

        assertThat(cited).extracting(s -> s.hit().file()).containsExactly("f1.md", "f3.md");
    }
}
