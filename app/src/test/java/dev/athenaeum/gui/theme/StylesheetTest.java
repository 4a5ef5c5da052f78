package dev.athenaeum.gui.theme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Colours come from the AtlantaFX theme variables, so light and dark both work: no literal colours anywhere. */
class StylesheetTest {

    private static final Pattern LITERAL_COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\brgba?\\(|\\bhsba?\\(|-fx-(text-fill|fill|background-color|border-color):\\s*(white|black|red|blue|green|gray|grey)\\b");

    @Test
    void stylesheetsAndViewsUseOnlyThemeColours() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/main/resources/dev/athenaeum/gui")),
                Files.walk(Path.of("src/main/java/dev/athenaeum/gui")))) {
            files = s.filter(f -> f.toString().endsWith(".css") || f.toString().endsWith(".java")).toList();
        }
        assertThat(files).anyMatch(f -> f.toString().endsWith("workbench.css"));
        for (Path f : files) {
            assertThat(LITERAL_COLOUR.matcher(Files.readString(f)).results().map(r -> r.group()).toList())
                    .as("literal colours in " + f).isEmpty();
        }
        assertThat(Files.readString(Path.of("src/main/resources/dev/athenaeum/gui/theme/workbench.css")))
                .contains("-color-fg-default", "-color-accent-emphasis");
    }
}
