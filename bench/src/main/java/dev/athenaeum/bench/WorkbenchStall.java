package dev.athenaeum.bench;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import dev.athenaeum.index.BuildReport;
import javafx.application.Platform;
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
 * of the running application with that knowledge base open and searched.
 *
 * <pre>
 * WorkbenchStall [--files 1000] [--node-docs /usr/share/doc/nodejs/api] [--npm-docs testdata/npm-docs]
 * </pre>
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

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FrameGaps gaps = new FrameGaps();
        CompletableFuture<WorkbenchWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            WorkbenchWindow window = WorkbenchWindow.open(stage, new WorkbenchStore(tmp.resolve("store")),
                    new Home(tmp.resolve("home")), (owner, title) -> Optional.empty(), tmp.resolve("corpus"));
            gaps.watch(window);
            opened.complete(window);
        });
        WorkbenchWindow window = opened.get(60, TimeUnit.SECONDS);
        KnowledgeBaseViewModel kb = await(() -> window.viewModel().currentProperty().get(), 60);
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
        Platform.runLater(window::close);
        Platform.exit();
        Paths2.deleteRecursively(tmp);
        System.exit(0);
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
