package dev.athenaeum.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DocumentLoaderTest {

    private static final String RECIPE = """
            # Crème brûlée

            Heat the cream with the vanilla pod until it just simmers, then whisk it into the yolks.
            Bake at 150 °C in a water bath for 35 minutes — the centre should still wobble.
            """;

    @TempDir
    Path dir;

    private LoadResult load(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return new DocumentLoader(ScanOptions.DEFAULT_MAX_FILE_BYTES).load(new SourceFile(file, name, bytes.length));
    }

    private static Document loaded(LoadResult result) {
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).document();
    }

    private static SkippedFile skipped(LoadResult result) {
        assertThat(result).isInstanceOf(LoadResult.Skipped.class);
        return ((LoadResult.Skipped) result).skipped();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void utf8IsReadAsIs() throws IOException {
        Document doc = loaded(load("recipe.md", RECIPE.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.file()).isEqualTo("recipe.md");
        assertThat(doc.text()).isEqualTo(RECIPE);
        assertThat(doc.notes()).isEmpty();
        assertThat(doc.metadata()).isEmpty();
        assertThat(doc.title()).isNull();
        assertThat(doc.sizeBytes()).isEqualTo(RECIPE.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void utf8ByteOrderMarkIsStripped() throws IOException {
        byte[] bytes = concat(bytes(0xEF, 0xBB, 0xBF), RECIPE.getBytes(StandardCharsets.UTF_8));

        Document doc = loaded(load("recipe.md", bytes));

        assertThat(doc.text()).isEqualTo(RECIPE).doesNotContain("\uFEFF");
        assertThat(doc.notes()).isEmpty();
        assertThat(doc.sizeBytes()).isEqualTo(bytes.length);
    }

    @Test
    void utf8ByteOrderMarkDoesNotHideFrontMatter() throws IOException {
        byte[] bytes = concat(bytes(0xEF, 0xBB, 0xBF), "---\ntitle: Desserts\n---\n".getBytes(StandardCharsets.UTF_8),
                RECIPE.getBytes(StandardCharsets.UTF_8));

        Document doc = loaded(load("recipe.md", bytes));

        assertThat(doc.title()).isEqualTo("Desserts");
        assertThat(doc.text()).isEqualTo("\n\n\n" + RECIPE);
    }

    @Test
    void utf16LittleEndianWithByteOrderMark() throws IOException {
        byte[] bytes = concat(bytes(0xFF, 0xFE), RECIPE.getBytes(StandardCharsets.UTF_16LE));

        Document doc = loaded(load("recipe.md", bytes));

        assertThat(doc.text()).isEqualTo(RECIPE);
        assertThat(doc.notes()).isEmpty();
    }

    @Test
    void utf16BigEndianWithByteOrderMark() throws IOException {
        byte[] bytes = concat(bytes(0xFE, 0xFF), RECIPE.getBytes(StandardCharsets.UTF_16BE));

        Document doc = loaded(load("recipe.md", bytes));

        assertThat(doc.text()).isEqualTo(RECIPE);
        assertThat(doc.notes()).isEmpty();
    }

    @Test
    void latin1FallsBackToWindows1252WithANote() throws IOException {
        String text = "# Menu\n\nLe café du matin et la crème brûlée du soir.\n";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains((byte) 0xE9);

        Document doc = loaded(load("menu.md", bytes));

        assertThat(doc.text()).isEqualTo(text);
        assertThat(doc.notes()).singleElement().asString()
                .contains("not valid UTF-8").contains("Windows-1252").contains("Latin-1");
    }

    @Test
    void windows1252SmartQuotesAndEuroAreDecoded() throws IOException {
        String text = "Prices rose to 12 \u20AC \u2014 \u201Cexpected\u201D, said the report.\n";
        byte[] bytes = text.getBytes(Charset.forName("windows-1252"));

        Document doc = loaded(load("prices.md", bytes));

        assertThat(doc.text()).isEqualTo(text);
        assertThat(doc.notes()).hasSize(1);
    }

    @Test
    void pngNamedMarkdownIsSkippedAsBinary() throws IOException {
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R',
                0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00);

        SkippedFile s = skipped(load("screenshot.md", png));

        assertThat(s.file()).isEqualTo("screenshot.md");
        assertThat(s.reason()).contains("binary");
    }

    @Test
    void randomBytesWithNulsAreSkippedAsBinary() throws IOException {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[100] = 0;

        assertThat(skipped(load("blob.md", random)).reason()).contains("binary");
    }

    @Test
    void textWithManyControlCharactersIsBinary() throws IOException {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 5 == 0 ? 0x01 : 'a');
        }

        assertThat(skipped(load("odd.md", bytes)).reason()).contains("binary");
    }

    @Test
    void textWithAnEscapeSequenceIsStillText() throws IOException {
        String text = "Terminal colours: \u001B[31mred\u001B[0m are kept as they are.\n";

        assertThat(loaded(load("ansi.md", text.getBytes(StandardCharsets.UTF_8))).text()).isEqualTo(text);
    }

    @Test
    void emptyFileIsSkipped() throws IOException {
        assertThat(skipped(load("empty.md", new byte[0])).reason()).isEqualTo("empty file");
    }

    @Test
    void whitespaceOnlyFileIsSkippedAsEmpty() throws IOException {
        assertThat(skipped(load("blank.md", " \n\t\n\r\n   \n".getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo("empty file");
    }

    @Test
    void crlfAndLoneCrBecomeNewlinesAndKeepTheLineCount() throws IOException {
        String crlf = "# Release notes\r\n\r\nFixed the login loop.\r\nImproved search.\r\n";
        String cr = "# Release notes\r\rFixed the login loop.\rImproved search.\r";
        String mixed = "# Release notes\r\n\rFixed the login loop.\nImproved search.\r\n";
        String expected = "# Release notes\n\nFixed the login loop.\nImproved search.\n";

        assertThat(loaded(load("crlf.md", crlf.getBytes(StandardCharsets.UTF_8))).text()).isEqualTo(expected);
        assertThat(loaded(load("cr.md", cr.getBytes(StandardCharsets.UTF_8))).text()).isEqualTo(expected);
        assertThat(loaded(load("mixed.md", mixed.getBytes(StandardCharsets.UTF_8))).text()).isEqualTo(expected);
        assertThat(expected.lines().count()).isEqualTo(crlf.lines().count()).isEqualTo(cr.lines().count());
    }

    private static final String FRONT_MATTERED = """
            ---
            title: Deploying to production
            tags:
              - ops
              - release
            owner:
              team: platform
              oncall: true
            version: 3
            ---

            # Deploying to production

            Run the release pipeline from the main branch only.
            Roll back with the previous image tag if health checks fail.
            """;

    @Test
    void frontMatterBecomesMetadata() throws IOException {
        Document doc = loaded(load("deploy.md", FRONT_MATTERED.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.title()).isEqualTo("Deploying to production");
        assertThat(doc.metadata())
                .containsEntry("title", "Deploying to production")
                .containsEntry("tags", List.of("ops", "release"))
                .containsEntry("owner", Map.of("team", "platform", "oncall", true))
                .containsEntry("version", 3)
                .hasSize(4);
        assertThat(doc.notes()).isEmpty();
    }

    @Test
    void frontMatterLinesAreBlankedSoLineNumbersMatchTheFile() throws IOException {
        Document doc = loaded(load("deploy.md", FRONT_MATTERED.getBytes(StandardCharsets.UTF_8)));

        List<String> fileLines = FRONT_MATTERED.lines().toList();
        List<String> textLines = doc.text().lines().toList();
        assertThat(textLines).hasSameSizeAs(fileLines);
        int closing = 9; // 0-based index of the second ---
        assertThat(fileLines.get(closing)).isEqualTo("---");
        for (int i = 0; i <= closing; i++) {
            assertThat(textLines.get(i)).as("front matter line %d", i + 1).isEmpty();
        }
        for (int i = closing + 1; i < fileLines.size(); i++) {
            assertThat(textLines.get(i)).as("body line %d", i + 1).isEqualTo(fileLines.get(i));
        }
        assertThat(doc.text()).doesNotContain("platform").doesNotContain("tags");
        assertThat(textLines.get(11)).isEqualTo("# Deploying to production");
    }

    @Test
    void frontMatterClosedWithDotsAndCrlfLineEnds() throws IOException {
        String file = "---\r\ntitle: Runbook\r\n...\r\nRestart the worker pool first.\r\n";

        Document doc = loaded(load("runbook.md", file.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.title()).isEqualTo("Runbook");
        assertThat(doc.text()).isEqualTo("\n\n\nRestart the worker pool first.\n");
    }

    @Test
    void frontMatterDatesAreIsoStringsWhateverTheTimeZone() throws IOException {
        String file = "---\ntitle: Incident review\ndate: 2024-01-15\nupdated: 2024-01-15T09:30:00Z\n---\nThe outage lasted 42 minutes.\n";
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            Document doc = loaded(load("incident.md", file.getBytes(StandardCharsets.UTF_8)));

            assertThat(doc.metadata())
                    .containsEntry("date", "2024-01-15")
                    .containsEntry("updated", "2024-01-15T09:30:00Z");
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void invalidYamlFrontMatterGivesANoteNotAFailure() throws IOException {
        String file = """
                ---
                title: Quarterly planning: goals and owners
                  tags: [unclosed
                ---
                # Quarterly planning

                Each team lists three goals and one owner per goal.
                """;

        Document doc = loaded(load("planning.md", file.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.metadata()).isEmpty();
        assertThat(doc.title()).isNull();
        assertThat(doc.notes()).singleElement().asString().contains("front matter").contains("not valid YAML");
        assertThat(doc.text().lines().toList()).containsExactly("", "", "", "", "# Quarterly planning", "",
                "Each team lists three goals and one owner per goal.");
    }

    @Test
    void documentOpeningWithThematicBreaksKeepsItsProse() throws IOException {
        String file = """
                ---
                This page collects the questions new starters ask in their first week.
                ---

                ## Where do I find the VPN settings?

                In the IT portal, under Network.
                """;

        Document doc = loaded(load("faq.md", file.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.text()).isEqualTo(file);
        assertThat(doc.metadata()).isEmpty();
    }

    @Test
    void unclosedFrontMatterIsLeftAsText() throws IOException {
        String file = "---\ntitle: Draft\n\nThe rest of the note never closes the block.\n";

        Document doc = loaded(load("draft.md", file.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.text()).isEqualTo(file);
        assertThat(doc.metadata()).isEmpty();
    }

    @Test
    void frontMatterOnlyIsSkipped() throws IOException {
        String file = "---\ntitle: Placeholder\ntags: [todo]\n---\n\n   \n";

        assertThat(skipped(load("placeholder.md", file.getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo("no text besides front matter");
    }

    @Test
    void fileOverTheLimitIsSkippedWithBothSizes() throws IOException {
        Path file = dir.resolve("export.md");
        Files.writeString(file, "Row of exported data, one per line.\n".repeat(100));

        LoadResult result = new DocumentLoader(1024).load(new SourceFile(file, "export.md", Files.size(file)));

        assertThat(skipped(result).reason()).isEqualTo("too large: 3.5 KB is over the 1.0 KB limit");
    }

    @Test
    void fileThatDisappearedIsSkipped() {
        Path gone = dir.resolve("gone.md");

        LoadResult result = new DocumentLoader(1024).load(new SourceFile(gone, "gone.md", 10));

        assertThat(skipped(result).reason()).isEqualTo("disappeared before it could be read");
    }

    @Test
    void unreadableFileIsSkipped() throws IOException {
        Path file = dir.resolve("locked.md");
        Files.writeString(file, RECIPE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(file), "running with permissions that ignore chmod 000");
            LoadResult result = new DocumentLoader(1024).load(new SourceFile(file, "locked.md", Files.size(file)));
            assertThat(skipped(result).reason()).isEqualTo("cannot read: permission denied");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void sha256IsOfTheFileBytesAndStable() throws IOException {
        byte[] bytes = RECIPE.getBytes(StandardCharsets.UTF_8);

        Document first = loaded(load("a.md", bytes));
        Document second = loaded(load("b.md", bytes));
        Document changed = loaded(load("c.md", (RECIPE + "Serve chilled.\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(first.sha256()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(second.sha256());
        assertThat(changed.sha256()).isNotEqualTo(first.sha256());
        assertThat(DocumentLoader.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashIsOfTheRawBytesNotTheDecodedText() throws IOException {
        Document lf = loaded(load("lf.md", "One line.\nTwo lines.\n".getBytes(StandardCharsets.UTF_8)));
        Document crlf = loaded(load("crlf.md", "One line.\r\nTwo lines.\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(lf.text()).isEqualTo(crlf.text());
        assertThat(lf.sha256()).isNotEqualTo(crlf.sha256());
        assertThat(crlf.sizeBytes()).isEqualTo(lf.sizeBytes() + 2);
    }

    @Test
    void realNpmDocumentLoadsWithFrontMatter() throws IOException {
        Path file = Path.of("../testdata/npm-docs/configuring-npm/package-lock-json.md");
        byte[] bytes = Files.readAllBytes(file);

        Document doc = loaded(new DocumentLoader(ScanOptions.DEFAULT_MAX_FILE_BYTES)
                .load(new SourceFile(file, "configuring-npm/package-lock-json.md", bytes.length)));

        assertThat(doc.title()).isEqualTo("package-lock.json");
        assertThat(doc.metadata()).containsEntry("section", 5).containsEntry("description", "A manifestation of the manifest");
        assertThat(doc.text().lines().limit(5)).allMatch(String::isEmpty);
        assertThat(doc.text().lines().skip(6).findFirst()).contains("### Description");
        assertThat(doc.text().lines().count()).isEqualTo(new String(bytes, StandardCharsets.UTF_8).lines().count());
    }
}
