package dev.athenaeum.gui.chat;

import dev.athenaeum.gui.document.Block;
import dev.athenaeum.gui.document.MarkdownBlocks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A streamed paragraph cut inside bold or code shows no stray markers while the rest is on its way. */
class AnswerTextTest {

    @Test
    void anUnclosedBoldSpanOfAStreamedParagraphShowsWithoutItsAsterisks() {
        String partial = "Run the **index command";

        assertThat(text(partial)).as("as the parser sees the raw piece").contains("**");
        assertThat(text(AnswerText.closeOpen(partial))).isEqualTo("Run the index command");
    }

    @Test
    void closedSpansCodeAndUnderscoresAreHandledAndCompleteTextIsLeftAlone() {
        assertThat(AnswerText.closeOpen("Run **index** now")).isEqualTo("Run **index** now");
        assertThat(text(AnswerText.closeOpen("Use `athenaeum ind"))).isEqualTo("Use athenaeum ind");
        assertThat(AnswerText.closeOpen("A `**` in code is no bold")).isEqualTo("A `**` in code is no bold");
        assertThat(text(AnswerText.closeOpen("It is __very"))).isEqualTo("It is very");
        assertThat(text(AnswerText.closeOpen("- first\n- **second"))).isEqualTo("second");
    }

    private static String text(String markdown) {
        List<Block> blocks = MarkdownBlocks.parse(markdown);
        return blocks.getLast().text();
    }
}
