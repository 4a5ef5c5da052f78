package dev.athenaeum.chunking;

import dev.athenaeum.corpus.Document;
import dev.athenaeum.embedding.WordPieceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownChunkerTest {

    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void openTokenizer() {
        tokenizer = WordPieceTokenizer.fromClasspath("all-minilm-l6-v2-q-tokenizer.json", 256);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    private static List<Chunk> chunk(int size, int overlap, String markdown) {
        List<Chunk> chunks = new MarkdownChunker(ChunkSettings.of(size, overlap), tokenizer).chunk("guide.md", markdown);
        for (Chunk c : chunks) {
            assertThat(c.file()).isEqualTo("guide.md");
            assertThat(c.tokens()).as("tokens of %s", c.text()).isEqualTo(tokenizer.count(c.text()));
            assertThat(c.tokens()).isLessThanOrEqualTo(size);
            assertThat(markdown).contains(c.text());
        }
        return chunks;
    }

    private static List<List<String>> breadcrumbs(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::headings).toList();
    }

    /** The text from the first chunk's start to the last chunk's end with every overlap removed. */
    private static String stitched(String source, List<Chunk> chunks) {
        StringBuilder out = new StringBuilder();
        int end = -1;
        int searchFrom = 0;
        int firstStart = -1;
        for (Chunk c : chunks) {
            int start = source.indexOf(c.text(), searchFrom);
            assertThat(start).as("chunk found in order: %s", c.text()).isGreaterThanOrEqualTo(0);
            if (firstStart < 0) {
                firstStart = start;
                out.append(c.text());
            } else if (start >= end) {
                out.append(source, end, start).append(c.text());
            } else {
                out.append(source, end, start + c.text().length());
            }
            end = Math.max(end, start + c.text().length());
            searchFrom = start;
        }
        return out.toString();
    }

    @Test
    void everyHeadingStartsANewChunk() {
        String md = """
                # Backup guide

                Nightly backups run at 02:00 and keep seven days of snapshots.

                ## Restoring a file

                Open the snapshot browser, pick the date, and copy the file back.

                ## Restoring a database

                Stop the application first, then load the dump with the restore script.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(chunks).extracting(Chunk::text).containsExactly(
                "# Backup guide\n\nNightly backups run at 02:00 and keep seven days of snapshots.",
                "## Restoring a file\n\nOpen the snapshot browser, pick the date, and copy the file back.",
                "## Restoring a database\n\nStop the application first, then load the dump with the restore script.");
        assertThat(chunks).extracting(Chunk::startLine).containsExactly(1, 5, 9);
        assertThat(chunks).extracting(Chunk::endLine).containsExactly(3, 7, 11);
        assertThat(breadcrumbs(chunks)).containsExactly(
                List.of("Backup guide"),
                List.of("Backup guide", "Restoring a file"),
                List.of("Backup guide", "Restoring a database"));
        assertThat(chunks.get(2).breadcrumb()).isEqualTo("Backup guide > Restoring a database");
    }

    @Test
    void breadcrumbsFollowTheOutlineAndSiblingsReplaceEachOther() {
        String md = """
                # Operations handbook

                How the platform team runs production.

                ## Deployments

                Deploys happen through the pipeline only.

                ### Canary releases

                A canary takes five percent of traffic for thirty minutes.

                ### Rollbacks

                Roll back by redeploying the previous image tag.

                ## Monitoring

                Dashboards live in the shared observability workspace.

                #### Paging rules

                Only customer-facing alerts page the on-call engineer.

                ### Alerts

                Every alert links to a runbook.

                # Appendix

                Contact the platform team in the ops channel.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(breadcrumbs(chunks)).containsExactly(
                List.of("Operations handbook"),
                List.of("Operations handbook", "Deployments"),
                List.of("Operations handbook", "Deployments", "Canary releases"),
                List.of("Operations handbook", "Deployments", "Rollbacks"),
                List.of("Operations handbook", "Monitoring"),
                List.of("Operations handbook", "Monitoring", "Paging rules"),
                List.of("Operations handbook", "Monitoring", "Alerts"),
                List.of("Appendix"));
        assertThat(chunks.get(7).text()).isEqualTo("# Appendix\n\nContact the platform team in the ops channel.");
    }

    @Test
    void setextHeadingsCountAsHeadings() {
        String md = """
                Team handbook
                =============

                Welcome to the team. This page is the first stop for new starters.

                Working hours
                -------------

                Core hours are 10:00 to 16:00; plan meetings inside them.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(breadcrumbs(chunks)).containsExactly(List.of("Team handbook"), List.of("Team handbook", "Working hours"));
        assertThat(chunks.get(1).text()).startsWith("Working hours\n-------------").endsWith("inside them.");
        assertThat(chunks).extracting(Chunk::startLine).containsExactly(1, 6);
        assertThat(chunks).extracting(Chunk::endLine).containsExactly(4, 9);
    }

    @Test
    void closingHashesAndInlineMarkupInHeadings() {
        String md = """
                ## Install ##

                Run the installer.

                ### The `--global` flag

                Installs for every user.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(breadcrumbs(chunks)).containsExactly(List.of("Install"), List.of("Install", "The `--global` flag"));
    }

    @Test
    void textBeforeTheFirstHeadingHasAnEmptyBreadcrumb() {
        String md = """
                This page is generated from the service catalogue every night.
                Edit the catalogue, not this page.

                # Payment service

                Owns card authorisation and refunds.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).headings()).isEmpty();
        assertThat(chunks.get(0).breadcrumb()).isEmpty();
        assertThat(chunks.get(0).startLine()).isEqualTo(1);
        assertThat(chunks.get(0).endLine()).isEqualTo(2);
        assertThat(chunks.get(1).headings()).containsExactly("Payment service");
    }

    @Test
    void lineNumbersCountBlankedFrontMatterLines() {
        String body = "\n\n\n\n# Release process\n\nTag the release from the main branch.\n";
        Document doc = new Document("release.md", body, Map.of("title", "Release process"), "Release process", "00", body.length(), List.of());

        List<Chunk> chunks = new MarkdownChunker(ChunkSettings.DEFAULT, tokenizer).chunk(doc);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.file()).isEqualTo("release.md");
            assertThat(c.startLine()).isEqualTo(5);
            assertThat(c.endLine()).isEqualTo(7);
        });
    }

    @Test
    void headingOnlySectionsTravelIntoTheDeeperHeadingsChunk() {
        String md = """
                # Configuration

                ## Environment variables

                ### DATABASE_URL

                The connection string for the primary database.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.headings()).containsExactly("Configuration", "Environment variables", "DATABASE_URL");
            assertThat(c.startLine()).isEqualTo(1);
            assertThat(c.text()).startsWith("# Configuration").endsWith("primary database.");
        });
    }

    @Test
    void emptySectionFollowedByASiblingIsAChunkOfItsOwn() {
        String md = """
                # Guide

                ## Setup

                ## Usage

                Run the tool with the path of your notes folder.
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(chunks).extracting(Chunk::text).containsExactly("# Guide\n\n## Setup", "## Usage\n\nRun the tool with the path of your notes folder.");
        assertThat(breadcrumbs(chunks)).containsExactly(List.of("Guide", "Setup"), List.of("Guide", "Usage"));
    }

    @Test
    void emptySectionAtTheEndIsKept() {
        String md = """
                # Changelog

                ## 2.0.0

                Dropped support for the legacy configuration format.

                ## 1.9.0
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(chunks).extracting(Chunk::text).containsExactly(
                "# Changelog\n\n## 2.0.0\n\nDropped support for the legacy configuration format.",
                "## 1.9.0");
        assertThat(chunks.get(0).headings()).containsExactly("Changelog", "2.0.0");
        assertThat(chunks.get(1).headings()).containsExactly("Changelog", "1.9.0");
        assertThat(chunks.get(1).startLine()).isEqualTo(7);
        assertThat(chunks.get(1).endLine()).isEqualTo(7);
    }

    @Test
    void documentThatIsOnlyAHeading() {
        List<Chunk> chunks = chunk(512, 64, "# Release checklist\n");

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("# Release checklist");
            assertThat(c.headings()).containsExactly("Release checklist");
            assertThat(c.startLine()).isEqualTo(1);
            assertThat(c.endLine()).isEqualTo(1);
        });
    }

    @Test
    void blankDocumentHasNoChunks() {
        assertThat(chunk(512, 64, "\n\n   \n")).isEmpty();
        assertThat(chunk(512, 64, "")).isEmpty();
    }

    private static final String SHELL_LINES = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "aws s3 cp s3://team-backups/2024/db-" + i + ".sql.gz ./restore/ --region eu-west-1")
            .collect(Collectors.joining("\n"));

    @Test
    void codeBlockLargerThanTheChunkIsSplitByWholeLinesWithoutOverlap() {
        String code = "```bash\n" + SHELL_LINES + "\n```";
        String md = "## Restore the dumps\n\nCopy every dump before loading it:\n\n" + code + "\n";
        assertThat(tokenizer.count(code)).isGreaterThan(600);

        List<Chunk> chunks = chunk(128, 32, md);

        List<Chunk> codeChunks = chunks.stream().filter(c -> c.text().contains("aws s3 cp")).toList();
        assertThat(codeChunks).hasSizeGreaterThan(4);
        for (Chunk c : codeChunks) {
            int start = md.indexOf(c.text());
            int end = start + c.text().length();
            assertThat(start == 0 || md.charAt(start - 1) == '\n').as("starts at a line start: %s", c.text()).isTrue();
            assertThat(end == md.length() || md.charAt(end) == '\n').as("ends at a line end: %s", c.text()).isTrue();
            assertThat(c.headings()).containsExactly("Restore the dumps");
        }
        // Code is never repeated as overlap: the pieces put back together are the block, line for line.
        String joined = codeChunks.stream().map(Chunk::text)
                .map(t -> t.substring(Math.max(0, t.indexOf("```bash"))))
                .collect(Collectors.joining("\n"));
        assertThat(joined).isEqualTo(code);
        assertThat(stitched(md, chunks)).isEqualTo(md.strip());
    }

    @Test
    void codeBlockThatFitsIsNeverCut() {
        String code = "```json\n{\n  \"name\": \"billing-service\",\n  \"version\": \"4.2.0\",\n  \"scripts\": {\n    \"test\": \"vitest run\"\n  }\n}\n```";
        StringBuilder md = new StringBuilder("## Package manifest\n\n");
        for (int i = 0; i < 4; i++) {
            md.append("The billing service publishes its manifest with every release so that downstream teams can pin it.\n\n");
        }
        md.append(code).append("\n\nAfter the manifest, the changelog lists what changed in this version.\n");
        int codeTokens = tokenizer.count(code);
        assertThat(codeTokens).isBetween(30, 60);

        List<Chunk> chunks = chunk(96, 32, md.toString());

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).filteredOn(c -> c.text().contains("billing-service")).singleElement()
                .satisfies(c -> assertThat(c.text()).contains(code));
        assertThat(chunks).filteredOn(c -> c.text().contains("\"version\"")).hasSize(1);
    }

    private static final String[] SENTENCES = {
            "The scheduler wakes every five minutes and looks for jobs whose start time has passed.",
            "Each job runs in its own container with the memory limit its owner asked for.",
            "When a job fails, the scheduler retries it twice with a growing delay between attempts.",
            "After the third failure the job is parked and its owner gets an email with the last log lines.",
            "Parked jobs stay in the queue for a week so that they can be resumed after a fix.",
            "Jobs that run longer than their deadline are stopped and reported as timed out.",
            "The dashboard shows the queue length, the failure rate and the slowest jobs of the day.",
            "Owners can pause their own jobs, but only administrators can pause the whole scheduler.",
            "Maintenance windows are announced a day ahead in the operations channel.",
            "During a window the scheduler accepts new jobs but starts none of them.",
            "Secrets reach a job through environment variables that are never written to its log.",
            "A job may read from the shared cache, which is cleared every night at midnight.",
            "Billing counts the seconds each container runs and rounds up to the next minute.",
            "Teams get a monthly report that breaks the cost down by job and by day.",
            "Questions about the scheduler go to the platform team's help desk."};

    @Test
    void hugeParagraphIsSplitAtSentenceBoundaries() {
        String paragraph = String.join(" ", SENTENCES);
        String md = "## Scheduler\n\n" + paragraph + "\n";
        assertThat(tokenizer.count(paragraph)).isGreaterThan(200);

        List<Chunk> chunks = chunk(64, 0, md);

        assertThat(chunks).hasSizeGreaterThan(4);
        assertThat(chunks.get(0).text()).startsWith("## Scheduler");
        List<String> sentences = new ArrayList<>(List.of(SENTENCES));
        for (Chunk c : chunks.subList(1, chunks.size())) {
            assertThat(c.text()).as("a chunk starts with a sentence").matches("(?s)^[A-Z].*");
            assertThat(c.text()).as("a chunk ends with a sentence").endsWith(".");
            assertThat(c.headings()).containsExactly("Scheduler");
            assertThat(c.startLine()).isEqualTo(3);
            assertThat(c.endLine()).isEqualTo(3);
        }
        for (Chunk c : chunks) {
            sentences.removeIf(s -> c.text().contains(s));
        }
        assertThat(sentences).as("sentences cut in two").isEmpty();
        assertThat(stitched(md, chunks)).isEqualTo(md.strip());
    }

    @Test
    void overlapRepeatsTheLastSentencesOfTheSameParagraph() {
        String paragraph = String.join(" ", SENTENCES);
        String md = "## Scheduler\n\n" + paragraph + "\n";

        List<Chunk> chunks = chunk(96, 24, md);

        List<Chunk> body = chunks.stream().map(c -> c.text().startsWith("##")
                ? new Chunk(c.file(), c.headings(), c.startLine(), c.endLine(), c.text().substring(c.text().indexOf("The ")), c.tokens())
                : c).toList();
        assertThat(body).hasSizeGreaterThan(2);
        int repeated = 0;
        for (int i = 1; i < body.size(); i++) {
            String prev = body.get(i - 1).text();
            String next = body.get(i).text();
            String firstSentence = next.substring(0, next.indexOf('.') + 1);
            if (prev.endsWith(firstSentence)) {
                repeated++;
                assertThat(tokenizer.count(firstSentence)).isLessThanOrEqualTo(24);
            }
        }
        assertThat(repeated).as("chunks that start by repeating the previous chunk's last sentence").isEqualTo(body.size() - 1);
        assertThat(stitched(md, chunks)).isEqualTo(md.strip());
    }

    @Test
    void overlapRepeatsTheEndOfAParagraphTooLongToRepeatWhole() {
        // Three paragraphs of about 45 tokens each; with room for two per chunk the third starts a new chunk, which
        // should open with the end of the second paragraph rather than with nothing.
        String p1 = String.join(" ", SENTENCES[0], SENTENCES[1], SENTENCES[2]);
        String p2 = String.join(" ", SENTENCES[3], SENTENCES[4], SENTENCES[5]);
        String p3 = String.join(" ", SENTENCES[6], SENTENCES[7], SENTENCES[8]);
        String md = "## Scheduler\n\n" + p1 + "\n\n" + p2 + "\n\n" + p3 + "\n";
        int size = tokenizer.count("## Scheduler") + tokenizer.count(p1) + tokenizer.count(p2) + 2;
        assertThat(tokenizer.count(p2)).isGreaterThan(32);

        List<Chunk> chunks = chunk(size, 32, md);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).text()).endsWith(SENTENCES[5]);
        assertThat(chunks.get(1).text()).startsWith(SENTENCES[5] + "\n\n" + SENTENCES[6]).endsWith(SENTENCES[8]);
        assertThat(chunks.get(1).startLine()).isEqualTo(5);
        assertThat(chunks.get(1).headings()).containsExactly("Scheduler");
    }

    @Test
    void veryLongLineWithoutPunctuationIsSplitByTokens() {
        String[] words = {"invoice", "customer", "warehouse", "shipment", "refund", "ledger", "account", "payment",
                "currency", "supplier", "contract", "delivery", "pallet", "container", "harbour", "customs"};
        Random random = new Random(7);
        String line = IntStream.range(0, 1800).mapToObj(i -> words[random.nextInt(words.length)]).collect(Collectors.joining(" "));
        String md = "# Export log\n\n" + line + "\n";
        int lineTokens = tokenizer.count(line);
        assertThat(lineTokens).isGreaterThan(1700);

        List<Chunk> chunks = chunk(64, 16, md);

        List<Chunk> body = chunks.subList(1, chunks.size());
        assertThat(body.size()).isBetween(lineTokens / 64, lineTokens / 64 + 3);
        for (Chunk c : body) {
            assertThat(c.startLine()).isEqualTo(3);
            assertThat(c.endLine()).isEqualTo(3);
            // cut between words, never inside one
            int start = md.indexOf(c.text());
            assertThat(md.charAt(start - 1)).as("before %s", c.text()).isIn(' ', '\n');
            assertThat(md.charAt(start + c.text().length())).isIn(' ', '\n');
        }
        assertThat(stitched(md, chunks)).isEqualTo(md.strip());
    }

    @Test
    void longTableIsSplitBetweenRowsAndNeverRepeated() {
        StringBuilder table = new StringBuilder("| Region | Endpoint | Latency budget |\n| --- | --- | --- |\n");
        String[] regions = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2", "sa-east-1"};
        for (int i = 0; i < 60; i++) {
            String region = regions[i % regions.length];
            table.append("| ").append(region).append(" | https://api-").append(i).append('.').append(region)
                    .append(".example.com | ").append(80 + i).append(" ms |\n");
        }
        String md = "## Regional endpoints\n\n" + table;
        assertThat(tokenizer.count(table.toString())).isGreaterThan(1000);

        List<Chunk> chunks = chunk(128, 32, md);

        List<String> rows = new ArrayList<>();
        for (Chunk c : chunks.subList(1, chunks.size())) {
            for (String row : c.text().split("\n")) {
                assertThat(row).as("whole rows only").startsWith("|").endsWith("|");
                rows.add(row);
            }
        }
        assertThat(chunks.get(0).text()).startsWith("## Regional endpoints\n\n| Region");
        rows.addAll(0, List.of(chunks.get(0).text().split("\n")).subList(2, chunks.get(0).text().split("\n").length));
        assertThat(String.join("\n", rows) + "\n").isEqualTo(table.toString());
    }

    @Test
    void nestedListThatFitsStaysInOneChunk() {
        String md = """
                ## Release checklist

                1. Freeze the branch
                   - announce the freeze in the release channel
                   - stop merging feature work
                2. Build the candidate
                   - run the full test suite
                   - sign the artefacts
                3. Ship
                """;

        List<Chunk> chunks = chunk(512, 64, md);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo(md.strip());
            assertThat(c.endLine()).isEqualTo(9);
        });
    }

    @Test
    void longNestedListIsSplitBetweenItems() {
        StringBuilder md = new StringBuilder("## On-call duties\n\n");
        String[] services = {"billing", "search", "checkout", "identity", "notifications", "reporting"};
        for (String service : services) {
            md.append("- ").append(service).append(" service\n");
            md.append("  - check the ").append(service).append(" error budget every morning and note it in the log\n");
            md.append("  - confirm that the nightly ").append(service).append(" backup finished and can be restored\n");
            md.append("  - escalate to the ").append(service).append(" owners when latency stays high for an hour\n");
        }
        String text = md.toString();

        List<Chunk> chunks = chunk(96, 0, text);

        assertThat(chunks).hasSizeGreaterThan(2);
        for (Chunk c : chunks.subList(1, chunks.size())) {
            assertThat(c.text()).as("starts at a list item").matches("(?s)^- \\w+ service\\n.*|^- (check|confirm|escalate).*");
        }
        assertThat(stitched(text, chunks)).isEqualTo(text.strip());
        for (String service : services) {
            assertThat(chunks).as(service).anyMatch(c -> c.text().contains("- " + service + " service\n  - check the " + service));
        }
    }

    @Test
    void listItemHoldingOnlyALongCodeBlockIsSplitByLines() {
        String indented = SHELL_LINES.lines().map(l -> "   " + l).collect(Collectors.joining("\n"));
        String md = "## Restore\n\n1. ```bash\n" + indented + "\n   ```\n";

        List<Chunk> chunks = chunk(128, 32, md);

        for (int i = 1; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            int start = md.indexOf(c.text());
            assertThat(md.charAt(start - 1)).as("chunk %d starts after a line break or indent", i).isIn('\n', ' ');
            assertThat(c.text()).doesNotStartWith("eu-west-1");
        }
        assertThat(stitched(md, chunks)).isEqualTo(md.strip());
        long pieces = chunks.stream().mapToLong(c -> c.text().lines().filter(l -> l.contains("aws s3 cp")).count()).sum();
        assertThat(pieces).as("no line repeated as overlap").isEqualTo(40);
    }

    @Test
    void chunkerIsThreadSafeAndDeterministic() throws Exception {
        String md = "## Scheduler\n\n" + String.join(" ", SENTENCES) + "\n\n" + "```bash\n" + SHELL_LINES + "\n```\n";
        MarkdownChunker chunker = new MarkdownChunker(ChunkSettings.of(64, 16), tokenizer);
        List<Chunk> expected = chunker.chunk("a.md", md);

        List<Thread> threads = new ArrayList<>();
        List<List<Chunk>> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> results.add(chunker.chunk("a.md", md)));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }
}
