package dev.athenaeum.bench;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.FakeChatServer;
import dev.athenaeum.gui.settings.ChatPreferences;
import dev.athenaeum.gui.settings.SettingsStore;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The workbench while it indexes N real markdown files: the longest UI-thread stall between two frames (its own
 * work, its waits for locks, and the wall-clock gap, which also counts the build taking the cores), then the memory
 * of the running application with that knowledge base open and searched, then the stalls while a long chat answer
 * streams in.
 *
 * <pre>
 * WorkbenchStall [--files 1000] [--node-docs /usr/share/doc/nodejs/api] [--npm-docs testdata/npm-docs]
 *                [--chunk-size N --chunk-overlap N]
 * </pre>
 * Smaller chunks than the default give more of them from the same text (about 10k at 256/32), for the memory of a
 * larger knowledge base.
 */
public final class WorkbenchStall {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        int files = args.getInt("files", 1000);
        Path nodeDocs = Paths2.resolve(args.get("node-docs", "/usr/share/doc/nodejs/api"));
        Path npmDocs = Paths2.resolve(args.get("npm-docs", "testdata/npm-docs"));

        System.out.println("# Workbench: UI-thread stalls while indexing, and memory");
        System.out.println();
        System.out.print(MachineInfo.markdown());
        System.out.println();
        Path tmp = Files.createTempDirectory("athenaeum-workbench-bench");
        List<CorpusMaker.Item> items = CorpusMaker.plan(files, nodeDocs, npmDocs);
        long bytes = CorpusMaker.write(items, tmp.resolve("corpus"));
        System.out.printf(Locale.ROOT, "Corpus: %d files, %.2f MB (npm docs and Node.js API docs cut at headings)%n%n",
                items.size(), bytes / 1e6);

        // The chat answers from a local server speaking Ollama's wire format, as the workbench's own tests do.
        FakeChatServer ollama = new FakeChatServer().answer("A first, short answer [1].");
        new SettingsStore(tmp.resolve("store")).saveChat(new ChatPreferences(ChatProvider.OLLAMA, ollama.ollamaUrl(), "",
                "llama3.1:8b"));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FrameGaps gaps = new FrameGaps(FrameGaps.BUILD);
        Stage[] shown = new Stage[1];
        CompletableFuture<WorkbenchWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            shown[0] = stage;
            WorkbenchWindow window = WorkbenchWindow.open(stage, new WorkbenchStore(tmp.resolve("store")),
                    new Home(tmp.resolve("home")), (owner, title) -> Optional.empty(), tmp.resolve("corpus"));
            gaps.watch(window);
            opened.complete(window);
        });
        WorkbenchWindow window = opened.get(60, TimeUnit.SECONDS);
        KnowledgeBaseViewModel kb = await(() -> window.viewModel().currentProperty().get(), 60);
        int chunkSize = args.getInt("chunk-size", 0);
        if (chunkSize > 0) {
            int overlap = args.getInt("chunk-overlap", Math.min(64, chunkSize / 4));
            CompletableFuture<String> applied = new CompletableFuture<>();
            Platform.runLater(() -> {
                kb.tuning().chunkSizeProperty().set(chunkSize);
                kb.tuning().chunkOverlapProperty().set(overlap);
                kb.tuning().apply();
                applied.complete(kb.tuning().statusProperty().get());
            });
            System.out.println("Chunk settings: " + applied.get(60, TimeUnit.SECONDS));
            System.out.println();
        }
        Platform.runLater(() -> kb.build().build());
        await(() -> gaps.built ? Boolean.TRUE : null, 3600);
        BuildReport report = kb.build().lastReportProperty().get();
        System.out.printf(Locale.ROOT, "Build: %d files, %d chunks, %d windows embedded%n%n", report.files(),
                report.chunks(), report.windowsEmbedded());
        System.out.print(gaps.table());

        Platform.runLater(() -> {
            kb.search().queryProperty().set("how do I publish a scoped package");
            kb.search().search();
        });
        await(() -> kb.search().results().isEmpty() ? null : Boolean.TRUE, 120);
        System.gc();
        Thread.sleep(2000);
        ProcStatus memory = ProcStatus.read(ProcessHandle.current().pid());
        System.out.println();
        System.out.printf(Locale.ROOT, "Memory with the knowledge base open and searched (%d chunks): RSS %.0f MiB "
                        + "(anonymous %.0f, mapped files %.0f), peak %.0f MiB; heap used %.0f MiB of max %.0f MiB%n",
                report.chunks(), memory.rssMib(), memory.mib("RssAnon"), memory.mib("RssFile"), memory.mib("VmHWM"),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        FrameGaps chatGaps = streamChat(window, shown[0], kb, ollama);
        System.out.println();
        System.out.printf(Locale.ROOT, "While a chat answer streams (%d pieces, one a millisecond, from a local server"
                + " speaking Ollama's wire format, rendered as markdown in the Chat tab):%n%n", ollama.piecesSent() - FIRST_PIECES);
        System.out.print(chatGaps.table());
        ollama.close();
        Platform.runLater(window::close);
        Platform.exit();
        Paths2.deleteRecursively(tmp);
        System.exit(0);
    }

    /** Pieces of the short first answer, which only makes the answer's kinds of nodes once. */
    private static int FIRST_PIECES;

    private static FrameGaps streamChat(WorkbenchWindow window, Stage stage, KnowledgeBaseViewModel kb,
                                        FakeChatServer ollama) throws InterruptedException {
        Platform.runLater(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup("#centerTabs");
            tabs.getTabs().stream().filter(t -> "chatTab".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        await(() -> kb.chat().models().contains("llama3.1:8b") ? Boolean.TRUE : null, 60);
        ask(kb, "what is this?");
        await(() -> kb.chat().exchanges().size() == 1 ? Boolean.TRUE : null, 120);
        FIRST_PIECES = ollama.piecesSent();
        StringBuilder answer = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            answer.append("Paragraph ").append(i).append(" says **something** about the index [1], briefly.\n\n");
        }
        // A piece a millisecond: faster than any model writes, slow enough to span a few hundred frames.
        ollama.answer(answer.toString()).pieceDelay(java.time.Duration.ofMillis(1));
        FrameGaps gaps = new FrameGaps(FrameGaps.CHAT);
        Platform.runLater(() -> gaps.watch(window));
        ask(kb, "tell me everything about it");
        await(() -> gaps.built ? Boolean.TRUE : null, 600);
        if (kb.chat().exchanges().size() != 2) {
            throw new IllegalStateException("the long answer did not arrive: " + kb.chat().errorProperty().get());
        }
        return gaps;
    }

    private static void ask(KnowledgeBaseViewModel kb, String question) {
        Platform.runLater(() -> {
            kb.chat().questionProperty().set(question);
            kb.chat().send();
        });
    }

    private static <T> T await(java.util.function.Supplier<T> value, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            CompletableFuture<T> now = new CompletableFuture<>();
            Platform.runLater(() -> now.complete(value.get()));
            try {
                T v = now.get(seconds, TimeUnit.SECONDS);
                if (v != null) {
                    return v;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out after " + seconds + " s");
    }
}
