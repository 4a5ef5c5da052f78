package dev.athenaeum.cli;

import dev.athenaeum.chat.FakeChatServer;
import dev.athenaeum.progress.Cancellation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

/** The chat command in-process against a server speaking Ollama's and OpenAI's protocols; no model is reachable. */
class ChatCommandTest {

    private static final String KEY = "sk-proj-cli-test-51d0c2e7a9";
    private static final String QUESTION = "How do I clear the npm cache?";

    @TempDir
    static Path tmp;
    static Path index;

    private FakeChatServer server;

    @BeforeAll
    static void buildOnce() throws IOException {
        index = tmp.resolve("index");
        TestCorpus.index(tmp.resolve("corpus"), index);
    }

    @BeforeEach
    void start() throws IOException {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String[] ollama(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("chat", "--index", index.toString(), "--provider", "ollama",
                "--base-url", server.ollamaUrl()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Runs the command with {@code stdin} as its input and {@code cancel} as its Ctrl-C. */
    private static Cli.Result run(String stdin, Cancellation cancel, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = Main.commandLine(new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ChatCommand.class
                        ? (K) new ChatCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), cancel)
                        : defaults.create(cls);
            }
        });
        return Cli.run(cl, args);
    }

    private static Cli.Result run(String stdin, String... args) {
        return run(stdin, new Cancellation(), args);
    }

    @Test
    void aQuestionIsAnsweredThenTheSourcesAreListedWithTheCitedOnesMarked() {
        String text = "Run `npm cache clean --force` [1], or check it with `npm cache verify` [3].";
        server.answer(text);

        Cli.Result r = Cli.run(ollama(QUESTION));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(text);
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(2)).isEqualTo("Sources (* cited):");
        assertThat(lines.subList(3, lines.size())).hasSize(6);
        assertThat(lines.get(3)).startsWith("* [1] commands/npm-cache.md > ").matches(".* \\(lines \\d+-\\d+\\)");
        assertThat(lines.get(4)).startsWith("  [2] ");
        assertThat(lines.get(5)).startsWith("* [3] ");
        assertThat(server.requests("/api/chat").get(0).lastMessage()).endsWith("Question: " + QUESTION);
    }

    @Test
    void withoutAProviderThePassagesAreShownAndTheOutputSaysNoModelIsConfigured() {
        Cli.Result r = Cli.run("chat", QUESTION, "--index", index.toString(), "--top-k", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("No language model is configured")
                .contains("--provider ollama", "--provider openai", "OPENAI_API_KEY", "\n[1] commands/npm-cache.md > ", "\n[2] ")
                .doesNotContain("[3]", "Sources (");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void interactiveQuestionsShareAConversationUntilNewStartsOver() {
        server.answer("Use `npm cache verify` [1].").rewriteTo("How do I verify the npm cache?");
        String input = QUESTION + "\n\n  and verify it?\n/new\nWhat does npm uninstall remove?\n/exit\nNever asked\n";

        Cli.Result r = run(input, ollama());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("(new conversation)" + System.lineSeparator());
        List<FakeChatServer.Request> streamed = server.requests("/api/chat").stream()
                .filter(FakeChatServer.Request::streamed).toList();
        assertThat(streamed).hasSize(3);
        assertThat(streamed.get(0).messageRoles()).containsExactly("system", "user");
        assertThat(streamed.get(1).messageTexts().subList(1, 3)).containsExactly(QUESTION, "Use `npm cache verify` [1].");
        assertThat(streamed.get(1).lastMessage()).endsWith("Question: and verify it?");
        assertThat(streamed.get(2).messageRoles()).containsExactly("system", "user");
        assertThat(streamed.get(2).lastMessage()).endsWith("Question: What does npm uninstall remove?");
        // Only the follow-up needed rewriting.
        List<FakeChatServer.Request> rewrites = server.requests("/api/chat").stream().filter(q -> !q.streamed()).toList();
        assertThat(rewrites).hasSize(1);
        assertThat(rewrites.get(0).lastMessage()).contains("User: and verify it?");
        assertThat(r.out().lines().filter(l -> l.equals("Use `npm cache verify` [1]."))).hasSize(3);
    }

    @Test
    void theEndOfInputQuitsAndAFailedQuestionDoesNotEndTheConversation() {
        server.failStreams(FakeChatServer.Failure.SERVER_ERROR, 1).answer("Cleared [1].");

        Cli.Result r = run("first question about the cache\nsecond question about the cache", ollama());

        assertThat(assertOneErrorLine(r, 1)).isEqualTo("athenaeum: Ollama at " + server.ollamaUrl()
                + " failed: llama runner process has terminated: signal: killed");
        assertThat(r.out()).startsWith("Cleared [1].");
        // The failed question is not part of the conversation, so the second is not a follow-up.
        assertThat(server.requests("/api/chat")).allMatch(FakeChatServer.Request::streamed).hasSize(2);
    }

    @Test
    void aMissingModelIsOneLineAndExitCodeOne() {
        server.failStreams(FakeChatServer.Failure.MODEL_NOT_FOUND, 1);

        Cli.Result r = Cli.run(ollama(QUESTION, "--model", "mistral:7b"));

        assertThat(assertOneErrorLine(r, 1)).isEqualTo("athenaeum: Ollama has no model 'mistral:7b': run `ollama pull mistral:7b`");
    }

    @Test
    void ollamaNotRunningIsOneLine() throws IOException {
        String url;
        try (ServerSocket s = new ServerSocket(0)) {
            url = "http://127.0.0.1:" + s.getLocalPort();
        }

        Cli.Result r = Cli.run("chat", QUESTION, "--index", index.toString(), "--provider", "ollama", "--base-url", url);

        assertThat(assertOneErrorLine(r, 1)).isEqualTo("athenaeum: Ollama is not running at " + url
                + ": start it with `ollama serve`");
    }

    @Test
    void aWrongKeyFromAKeyFileIsRejectedWithoutShowingIt() throws IOException {
        Path keyFile = Files.writeString(tmp.resolve("key.txt"), KEY + "\n");
        server.requireKey("sk-the-real-one");

        Cli.Result r = Cli.run("chat", QUESTION, "--index", index.toString(), "--provider", "openai",
                "--base-url", server.openAiUrl(), "--api-key-file", keyFile.toString(), "--verbose");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines().get(0)).isEqualTo("athenaeum: OpenAI at " + server.openAiUrl()
                + " rejected the API key (401): check OPENAI_API_KEY");
        assertThat(r.err() + r.out()).doesNotContain(KEY);
        assertThat(server.requests("/v1/chat/completions").get(0).authorization()).isEqualTo("Bearer " + KEY);
    }

    @Test
    void theKeyFromAFileIsUsedAndTheAnswerStreams() throws IOException {
        Path keyFile = Files.writeString(tmp.resolve("good-key.txt"), KEY);
        server.requireKey(KEY).answer("Clean it [2].");

        Cli.Result r = Cli.run("chat", QUESTION, "--index", index.toString(), "--provider", "openai", "--model", "gpt-4o",
                "--base-url", server.openAiUrl(), "--api-key-file", keyFile.toString(), "--mode", "keyword", "-k", "3");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Clean it [2].").contains("\n* [2] ", "\n  [1] ", "\n  [3] ");
        assertThat(server.requests("/v1/chat/completions").get(0).body().path("model").asText()).isEqualTo("gpt-4o");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        String idx = index.toString();
        assertThat(assertOneErrorLine(Cli.run("chat", QUESTION, "--index", idx, "--provider", "claude"), 2))
                .isEqualTo("athenaeum: invalid value for option '--provider': unknown provider 'claude': use ollama, openai or none");
        assertThat(assertOneErrorLine(Cli.run("chat", QUESTION, "--index", idx, "--provider", "openai",
                "--api-key-file", tmp.resolve("none.txt").toString()), 2)).startsWith("athenaeum: API key file not found: ");
        assertThat(assertOneErrorLine(Cli.run("chat", QUESTION, "--index", idx, "--top-k", "51"), 2))
                .isEqualTo("athenaeum: the number of sources must be between 1 and 50, got 51");
        assertThat(assertOneErrorLine(Cli.run("chat", QUESTION, "--index", idx, "--provider", "ollama", "--base-url", "ftp://x"), 2))
                .isEqualTo("athenaeum: the base URL must start with http:// or https://, got ftp://x");
        if (System.getenv("OPENAI_API_KEY") == null) {
            assertThat(assertOneErrorLine(Cli.run("chat", QUESTION, "--index", idx, "--provider", "openai"), 2))
                    .isEqualTo("athenaeum: OpenAI needs an API key: set OPENAI_API_KEY or give --api-key-file");
        }
    }

    @Test
    void ctrlCStopsTheAnswerWithExitCode130() throws Exception {
        server.answer("A long answer that keeps going [1]. ".repeat(20)).pieceDelay(Duration.ofMillis(30));
        Cancellation cancel = new Cancellation();

        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> run("", cancel, ollama(QUESTION)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.piecesSent() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        cancel.cancel();
        Cli.Result r = run.get();

        assertThat(r.exitCode()).as(r.err()).isEqualTo(IndexCommand.CANCELLED);
        assertThat(r.err()).isEqualTo(ChatCommand.CANCELLED_MESSAGE + System.lineSeparator());
        assertThat(r.out()).startsWith("A long answer").doesNotContain("Sources");
    }

    @Test
    void listModelsPrintsTheProvidersModels() {
        server.models("llama3.1:8b", "gemma2:9b");

        Cli.Result r = Cli.run(ollama("--list-models"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("gemma2:9b", "llama3.1:8b");
    }
}
