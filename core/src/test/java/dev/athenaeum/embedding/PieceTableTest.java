package dev.athenaeum.embedding;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PieceTableTest {

    /** Every third three-letter word is a piece; the others, looked up the same way, must not be found. */
    @Test
    void findsEveryPieceByRangeAndNothingElse() {
        Map<String, Integer> pieces = new HashMap<>();
        int id = 0;
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                for (char c = 'a'; c <= 'z'; c++) {
                    if ((a + b + c) % 3 == 0) {
                        pieces.put("" + a + b + c, id++);
                    }
                }
            }
        }
        pieces.put("x", id++);
        pieces.put("établissement", id);
        PieceTable table = new PieceTable(pieces);
        assertThat(table.longest()).isEqualTo("établissement".length());

        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                for (char c = 'a'; c <= 'z'; c++) {
                    // The word sits inside other text: only the range is looked up.
                    char[] text = ("..." + a + b + c + "!").toCharArray();
                    Integer expected = pieces.get("" + a + b + c);
                    assertThat(table.get(text, 3, 6)).isEqualTo(expected == null ? -1 : expected);
                }
            }
        }
        char[] text = "an établissement x".toCharArray();
        assertThat(table.get(text, 3, 16)).isEqualTo(pieces.get("établissement"));
        assertThat(table.get(text, 17, 18)).isEqualTo(pieces.get("x"));
        assertThat(table.get(text, 3, 15)).isEqualTo(-1);
        assertThat(table.get(text, 0, 2)).isEqualTo(-1);
        assertThat(table.get(text, 2, 2)).isEqualTo(-1);
    }
}
