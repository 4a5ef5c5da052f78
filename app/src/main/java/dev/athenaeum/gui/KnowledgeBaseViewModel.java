package dev.athenaeum.gui;

import dev.athenaeum.gui.build.BuildViewModel;
import dev.athenaeum.gui.chat.ChatHistory;
import dev.athenaeum.gui.chat.ChatOpener;
import dev.athenaeum.gui.chat.ChatViewModel;
import dev.athenaeum.gui.deploy.DeployEnvironment;
import dev.athenaeum.gui.deploy.DeployWizardViewModel;
import dev.athenaeum.gui.deploy.DeployedStacks;
import dev.athenaeum.gui.serve.ServeViewModel;
import dev.athenaeum.gui.settings.SettingsStore;
import dev.athenaeum.gui.document.DocumentViewModel;
import dev.athenaeum.gui.search.SearchViewModel;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.tuning.QuestionStore;
import dev.athenaeum.gui.tuning.TestQuestionsViewModel;
import dev.athenaeum.gui.tuning.TuningViewModel;
import dev.athenaeum.gui.watch.WatchViewModel;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.gui.workspace.SourcesViewModel;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One open knowledge base: its sources, the build, search and the document view, wired together (a finished build
 * tells search; opening a result shows its source). Changes to the knowledge base are saved in the background.
 */
public final class KnowledgeBaseViewModel {

    private final KnowledgeBaseSession session;
    private final TaskRunner tasks;
    private final SourcesViewModel sources;
    private final BuildViewModel build;
    private final SearchViewModel search;
    private final DocumentViewModel document;
    private final TuningViewModel tuning;
    private final TestQuestionsViewModel questions;
    private final WatchViewModel watch;
    private final ChatViewModel chat;
    private final ServeViewModel serve;
    private final DeployWizardViewModel deploy;

    public KnowledgeBaseViewModel(KnowledgeBaseSession session, Path file, WorkbenchStore store, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
        Consumer<KnowledgeBase> saver = kb -> save(store, file, kb, tasks);
        this.watch = new WatchViewModel(session, tasks, saver, WatchViewModel.QUIET);
        this.sources = new SourcesViewModel(session, tasks, saver.andThen(kb -> foldersChanged()));
        this.build = new BuildViewModel(session, tasks);
        this.search = new SearchViewModel(session, tasks);
        this.document = new DocumentViewModel(session, tasks);
        build.onBuilt(search::indexChanged);
        search.setOpener((item, query) -> document.open(item.hit(), query));
        this.tuning = new TuningViewModel(session, tasks, saver, TuningViewModel.DEBOUNCE);
        this.questions = new TestQuestionsViewModel(session, tasks, QuestionStore.besides(file), tuning::settings);
        tuning.setRebuild(build::build);
        watch.setUpdate(build::build, build.runningProperty());
        watch.onChange(tuning::sourcesChanged);
        questions.load();
        watch.watch();
        this.chat = new ChatViewModel(ChatOpener.of(session), new SettingsStore(store.dir()), ChatHistory.beside(file), tasks);
        chat.setSourceOpener(document::open);
        chat.load();
        this.serve = new ServeViewModel(session, tasks);
        SettingsStore keys = new SettingsStore(store.dir());
        this.deploy = new DeployWizardViewModel(session, DeployEnvironment.of(System.getenv(),
                Path.of(System.getProperty("user.home")), keys::openAiKey), DeployedStacks.beside(file), tasks);
    }

    private void foldersChanged() {
        watch.watch();
        tuning.sourcesChanged();
    }

    private static void save(WorkbenchStore store, Path file, KnowledgeBase kb, TaskRunner tasks) {
        tasks.task("Saving " + kb.name(), cancel -> {
            store.save(file, kb);
            return kb;
        }).start();
    }

    public String name() {
        return session.knowledgeBase().name();
    }

    /** Building needs at least one folder. */
    public BooleanBinding canBuild() {
        return Bindings.isNotEmpty(sources.rows()).and(build.runningProperty().not());
    }

    public SourcesViewModel sources() {
        return sources;
    }

    public BuildViewModel build() {
        return build;
    }

    public SearchViewModel search() {
        return search;
    }

    public DocumentViewModel document() {
        return document;
    }

    public TuningViewModel tuning() {
        return tuning;
    }

    public TestQuestionsViewModel questions() {
        return questions;
    }

    public WatchViewModel watch() {
        return watch;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public ServeViewModel serve() {
        return serve;
    }

    public DeployWizardViewModel deploy() {
        return deploy;
    }

    public KnowledgeBaseSession session() {
        return session;
    }

    /** Stops a running build and closes the index in the background; call on the UI thread. */
    public void close() {
        build.cancel();
        watch.stop();
        tuning.close();
        questions.close();
        chat.stop();
        serve.stop();
        deploy.cancel();
        tasks.task("Closing " + name(), cancel -> {
            session.close();
            return session;
        }).start();
    }
}
