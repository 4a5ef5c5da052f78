package dev.athenaeum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athenaeum.chat.FakeChatServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+?)[;\\s]");

    @TempDir
    static Path tmp;
    static Path index;

    @BeforeAll
    static void buildOnce() throws IOException {
        index = tmp.resolve("index");
        TestCorpus.index(tmp.resolve("corpus"), index);
    }

    private record Running(ServeCommand serve, CompletableFuture<Integer> exit, String base, StringWriter out,
                           StringWriter err) {
    }

    private static final List<ServeCommand> RUNNING = new ArrayList<>();

    @AfterEach
    void stopServersLeftRunning() {
        // A failed assertion must not leave a server behind for the next test.
        RUNNING.forEach(ServeCommand::stop);
        RUNNING.clear();
    }

    private static Running serve(String... args) throws InterruptedException {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ServeCommand.class ? cls.cast(serve) : CommandLine.defaultFactory().create(cls);
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("serve", "--index", index.toString(), "--port", "0", "--host",
                "127.0.0.1"));
        all.addAll(List.of(args));
        // A thread of its own: the common pool has a single thread on a 2-core machine, and a server left running
        // by a failed test would hold it.
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual().name("serve-under-test").start(() -> exit.complete(cl.execute(all.toArray(String[]::new))));
        RUNNING.add(serve);
        return new Running(serve, exit, awaitUrl(out, exit), out, err);
    }

    @Test
    void servesSearchAndRetrievalOnlyChatUntilStopped() throws Exception {
        Path keyFile = Files.writeString(tmp.resolve("api.key"), "serve-test-key-0123456789\n");
        Running running = serve("--auth", "api-key", "--api-key-file", keyFile.toString());
        ServeCommand serve = running.serve();
        CompletableFuture<Integer> exit = running.exit();
        StringWriter out = running.out();
        StringWriter err = running.err();
        String base = running.base();
        assertThat(out.toString()).contains("Serving 6 files", "chat model: retrieval-only", "authentication: api-key",
                "curl -s " + base + "/health", "Authorization: Bearer $(cat " + keyFile + ")", "Press Ctrl-C to stop.");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(health.body()).path("index").path("files").asInt()).isEqualTo(6);

        HttpResponse<String> search = http.send(post(base + "/search",
                "{\"query\": \"set the access level of a scoped package to public\", \"top_k\": 2}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).path("results")).hasSize(2);

        HttpResponse<String> chat = http.send(post(base + "/v1/chat/completions",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"how do I clear the npm cache?\"}]}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        JsonNode completion = JSON.readTree(chat.body());
        assertThat(completion.path("model").asText()).isEqualTo("retrieval-only");
        assertThat(completion.path("choices").get(0).path("message").path("content").asText())
                .contains("[1] ").contains("npm-cache.md");
        assertThat(completion.path("citations")).isNotEmpty();

        serve.stop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).doesNotContain("serve-test-key");
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer serve-test-key-0123456789")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String awaitUrl(StringWriter out, CompletableFuture<Integer> exit) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            if (exit.isDone()) {
                throw new AssertionError("serve exited early: " + exit.join() + "; output: " + out);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no URL in 30 s: " + out);
    }

    @Test
    void incompleteAuthenticationIsAUsageError() {
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--auth", "api-key"), 2))
                .isEqualTo("athenaeum: --auth api-key needs --api-key-file F (a file holding the key)");
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--auth", "jwt",
                "--jwt-issuer", "https://id.example/", "--jwks-url", "https://id.example/jwks"), 2))
                .contains("--jwt-audience");
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--auth", "basic"), 2))
                .contains("use none, api-key or jwt");
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--api-key-file", "k"), 2))
                .contains("need --auth api-key");
    }

    @Test
    void aModelThatCannotBeLoadedStopsTheServerBeforeItIsAnnounced() throws IOException {
        // The model loads while the index opens and the server starts; its failure still ends serve with its error.
        Path copy = tmp.resolve("no-model-index");
        TestCorpus.copyTree(index, copy);
        Path manifest = TestCorpus.currentGeneration(copy).resolve("manifest.json");
        ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
        ((ObjectNode) m.get("embedding")).put("model", "no-such-model");
        JSON.writeValue(manifest.toFile(), m);

        Cli.Result r = Cli.run("serve", "--index", copy.toString(), "--port", "0", "--host", "127.0.0.1");

        assertThat(assertOneErrorLine(r, 1)).startsWith("athenaeum: unknown embedding model 'no-such-model'");
        assertThat(r.out()).doesNotContain("Listening on");
    }

    @Test
    void badServerSettingsAreUsageErrors() {
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--port", "70000"), 2))
                .contains("between 0 and 65535");
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--cors-origin", "app.example"), 2))
                .contains("not an origin");
        assertThat(assertOneErrorLine(Cli.run("serve", "--index", index.toString(), "--provider", "gemini"), 2))
                .contains("unknown provider");
    }

    @Test
    void answersWithTheConfiguredProvider() throws Exception {
        try (FakeChatServer ollama = new FakeChatServer().answer("Run npm cache clean --force [1].")) {
            Running running = serve("--provider", "ollama", "--model", "llama3.1:8b", "--base-url", ollama.ollamaUrl());
            assertThat(running.out().toString()).contains("chat model: llama3.1:8b");

            HttpResponse<String> chat = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(running.base() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"messages\": [{\"role\": \"user\", \"content\": \"how do I clear the npm cache?\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
            JsonNode completion = JSON.readTree(chat.body());
            assertThat(completion.path("model").asText()).isEqualTo("llama3.1:8b");
            assertThat(completion.path("choices").get(0).path("message").path("content").asText())
                    .isEqualTo("Run npm cache clean --force [1].");
            assertThat(completion.path("citations").get(0).path("number").asInt()).isEqualTo(1);
            assertThat(ollama.requests("/api/chat")).isNotEmpty();
            running.serve().stop();
            assertThat(running.exit().get(30, TimeUnit.SECONDS)).isZero();
        }
    }
}
