package dev.athenaeum.cli;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.Workbench;
import dev.athenaeum.index.FileTrees;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run of the launcher's start-up cache: runs what people start Athenaeum for, in one JVM, on two pages
 * of the bundled guide in a scratch folder — index, search, serve (health, search and a chat completion over HTTP)
 * and the workbench with each of its tabs shown once, off screen — so that the classes of all of them are loaded and linked ahead of
 * time on later runs. Hidden: nothing a person needs to run.
 */
@Command(name = "warm-up", hidden = true, description = "Exercise index, search, serve and the workbench once (for the start-up cache).")
final class WarmUpCommand implements Callable<Integer> {

    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

    @picocli.CommandLine.Option(names = "--no-workbench", description = "Leave the workbench out.")
    boolean noWorkbench;

    /** The scratch folder of the last run, for tests: it is gone when the command returns. */
    Path scratch;

    @Override
    public Integer call() throws Exception {
        scratch = Files.createTempDirectory("athenaeum-warm-up");
        Path notes = Files.createDirectories(scratch.resolve("notes"));
        Path guide = Home.fromSystem().sampleGuide();
        for (String page : List.of("troubleshooting.md", "privacy.md")) {
            Files.copy(guide.resolve(page), notes.resolve(page));
        }
        String index = scratch.resolve("index").toString();
        try {
            run("index", notes.toString(), "--index", index);
            run("search", "does my data leave the computer", "--index", index);
            serveOnce(index);
            if (!noWorkbench && Workbench.problem() == null) {
                System.setProperty("athenaeum.startupProbe", "tabs");
                Workbench.launch(notes.toString());
            }
        } finally {
            FileTrees.delete(scratch);
        }
        return 0;
    }

    private static void run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        if (code != 0) {
            throw new IllegalStateException("warm-up: '" + args[0] + "' failed with exit code " + code);
        }
    }

    private static void serveOnce(String index) throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter banner = new StringWriter();
        cl.setOut(new PrintWriter(banner, true));
        cl.setErr(new PrintWriter(new StringWriter()));
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(
                () -> cl.execute("serve", "--index", index, "--port", "0"));
        Matcher url = awaitUrl(banner, served);
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + url.group(1);
            send(http, base + "/health", null);
            send(http, base + "/search", "{\"query\":\"where are my notes stored\"}");
            send(http, base + "/v1/chat/completions",
                    "{\"model\":\"athenaeum\",\"messages\":[{\"role\":\"user\",\"content\":\"is anything uploaded?\"}]}");
        } finally {
            serve.stop();
            served.get(30, TimeUnit.SECONDS);
        }
    }

    private static Matcher awaitUrl(StringWriter banner, CompletableFuture<Integer> served) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(banner.toString());
            if (m.find()) {
                return m;
            }
            if (served.isDone()) {
                throw new IllegalStateException("warm-up: serve ended before it was ready: " + served.get());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("warm-up: serve did not start");
    }

    private static void send(java.net.http.HttpClient http, String url, String json) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        if (json != null) {
            request.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        }
        int status = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("warm-up: " + url + " answered " + status);
        }
    }
}
