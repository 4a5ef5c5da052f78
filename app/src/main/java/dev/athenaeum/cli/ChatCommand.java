package dev.athenaeum.cli;

import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatModels;
import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.chat.RagChat;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ask questions about an index: a model answers from the best passages and cites them.",
                "Without QUESTION, reads questions line by line and keeps the conversation (/new starts over, /exit quits).",
                "Without --provider, no model is used: the best passages are shown instead of an answer."})
final class ChatCommand implements Callable<Integer> {

    static final String CANCELLED_MESSAGE = "athenaeum: cancelled";

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "QUESTION", arity = "0..1", description = "The question. Omit it to ask several in a row.")
    String question;

    @Option(names = "--index", required = true, paramLabel = "OUT", description = "Folder of the index to ask.")
    Path index;

    @Option(names = "--provider", paramLabel = "P", defaultValue = "none", converter = ChatProviderConverter.class,
            description = "Who writes answers: ollama, openai, or none (default: show the best passages only).")
    ChatProvider provider;

    @Option(names = "--model", paramLabel = "M",
            description = "The model, e.g. llama3.1:8b (Ollama's default) or gpt-4o-mini (OpenAI's default).")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the provider runs: Ollama (default http://localhost:11434, or OLLAMA_BASE_URL), or an"
                    + " OpenAI-compatible service (default OpenAI, or OPENAI_BASE_URL).")
    String baseUrl;

    @Option(names = "--api-key-file", paramLabel = "F",
            description = "Read the OpenAI API key from F instead of OPENAI_API_KEY.")
    Path apiKeyFile;

    @Option(names = {"-k", "--top-k"}, paramLabel = "N", defaultValue = "" + ChatSettings.DEFAULT_TOP_K,
            description = "How many passages the answer is written from (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", converter = SearchModeConverter.class,
            description = "How passages are found: hybrid (default), dense or keyword.")
    SearchMode mode;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up when the model is silent this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--list-models", description = "List the provider's models and exit.")
    boolean listModels;

    private final InputStream in;
    private final Cancellation cancellation;

    ChatCommand() {
        this(System.in, new Cancellation());
    }

    /** Tests hand in the questions and a cancellation of their own. */
    ChatCommand(InputStream in, Cancellation cancellation) {
        this.in = in;
        this.cancellation = cancellation;
    }

    @Override
    public Integer call() throws IOException {
        ChatSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        if (listModels) {
            ChatModels.list(settings).forEach(out::println);
            out.flush();
            return 0;
        }
        try (KnowledgeIndex idx = KnowledgeIndex.open(index);
             Embedder embedder = mode == SearchMode.KEYWORD ? null
                     : EmbeddingModels.open(idx.manifest().embedding().model(), EmbeddingOptions.fromEnvironment())) {
            KnowledgeChat chat = new RagChat(new Searcher(idx, embedder), settings);
            if (question != null) {
                ask(chat, List.of(ChatTurn.user(question)));
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new InteractiveChat(lines, spec.commandLine().getErr(), Terminal.interactive(), verbose.verbose)
                    .run(chat.model(), conversation -> {
                        ChatAnswer answer = ask(chat, conversation);
                        // A blank line between answers, so one ends visibly before the next begins.
                        out.println();
                        out.flush();
                        return answer;
                    });
        } catch (CancelledException e) {
            return IndexCommand.CANCELLED;
        }
    }

    /** Streams one answer to the terminal; Ctrl-C stops it (and, as ever, the program). */
    private ChatAnswer ask(KnowledgeChat chat, List<ChatTurn> conversation) {
        PrintWriter err = spec.commandLine().getErr();
        AnswerPrinter printer = new AnswerPrinter(spec.commandLine().getOut());
        CancelOnShutdown onCtrlC = CancelOnShutdown.install(cancellation, err, CANCELLED_MESSAGE);
        try {
            ChatAnswer answer = chat.answer(conversation, printer, cancellation);
            printer.finish(answer);
            return answer;
        } catch (CancelledException e) {
            printer.breakLine();
            onCtrlC.announceCancelled();
            throw e;
        } catch (RuntimeException e) {
            printer.breakLine();
            throw e;
        } finally {
            onCtrlC.close();
        }
    }

    private ChatSettings settings() throws IOException {
        EmbeddingOptions env = EmbeddingOptions.fromEnvironment();
        String url = baseUrl != null ? baseUrl
                : provider == ChatProvider.OLLAMA ? env.ollamaBaseUrl()
                : provider == ChatProvider.OPENAI ? env.openAiBaseUrl() : null;
        try {
            return ChatSettings.builder().provider(provider).model(model).baseUrl(url)
                    .apiKey(provider == ChatProvider.OPENAI ? apiKey(env) : null)
                    .timeout(Duration.ofSeconds(timeoutSeconds)).topK(topK).mode(mode).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private String apiKey(EmbeddingOptions env) throws IOException {
        if (apiKeyFile == null) {
            return env.openAiApiKey();
        }
        if (!Files.isRegularFile(apiKeyFile)) {
            throw new ParameterException(spec.commandLine(), "API key file not found: " + apiKeyFile);
        }
        String key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
        if (key.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "the API key file " + apiKeyFile + " is empty");
        }
        return key;
    }
}
