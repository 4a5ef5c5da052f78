package dev.athenaeum.gui.chat;

import dev.athenaeum.gui.document.Block;
import dev.athenaeum.gui.document.MarkdownBlocks;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed paragraph cut inside bold or code shows no stray markers while the rest is on its way, and a finished
 * answer shows its words with each citation of a known source as a link.
 */
@ExtendWith(ApplicationExtension.class)
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

    @Test
    void aWholeAnswerShowsBoldAsWordsAndKnownCitationsAsLinks() throws Exception {
        VBox box = WaitForAsyncUtils.asyncFx(() -> AnswerText.render("Run **athenaeum index** again after editing files [1]. Only changed files are "
                + "embedded [2]; see also [7].", n -> { }, n -> n <= 2)).get();

        TextFlow flow = (TextFlow) box.getChildren().getFirst();
        String shown = flow.getChildren().stream()
                .map(n -> n instanceof Hyperlink h ? "<" + h.getText() + ">" : ((Text) n).getText())
                .reduce("", String::concat);
        assertThat(shown).isEqualTo("Run athenaeum index again after editing files <[1]>. Only changed files are "
                + "embedded <[2]>; see also [7].");
    }

    private static String text(String markdown) {
        List<Block> blocks = MarkdownBlocks.parse(markdown);
        return blocks.getLast().text();
    }
}
