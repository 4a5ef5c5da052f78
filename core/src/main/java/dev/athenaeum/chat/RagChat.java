package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Retrieval-augmented answers: the question (rewritten to stand alone when it is a follow-up) is searched for, the
 * best passages become numbered sources, and a model streams an answer that cites them. Without a model the sources
 * are the answer. Thread-safe: one instance may answer several conversations at once.
 */
public final class RagChat implements KnowledgeChat {

    private final Searcher searcher;
    private final ChatSettings settings;
    private final ChatBackend backend;
    private final ChatFailures failures;
    private final FollowUpRewriter rewriter;
    private final RateLimitRetry retry;

    /** A chat with the provider {@code settings} name; retrieval-only when that is {@link ChatProvider#NONE}. */
    public RagChat(Searcher searcher, ChatSettings settings) {
        this(searcher, settings, ChatModels.backend(settings));
    }

    /** A chat answering through the given models, whatever provider they talk to. */
    RagChat(Searcher searcher, ChatSettings settings, StreamingChatModel streaming, ChatModel rewriter) {
        this(searcher, settings, new ChatBackend(streaming, rewriter, null));
    }

    RagChat(Searcher searcher, ChatSettings settings, ChatBackend backend) {
        this(searcher, settings, backend, new RateLimitRetry(backend == null ? new RetryAfterHint() : backend.retryAfter()));
    }

    RagChat(Searcher searcher, ChatSettings settings, ChatBackend backend, RateLimitRetry retry) {
        this.searcher = Objects.requireNonNull(searcher, "searcher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backend = settings.provider() == ChatProvider.NONE ? null : backend;
        this.failures = new ChatFailures(settings);
        this.rewriter = new FollowUpRewriter(this.backend == null ? null : this.backend.rewriter(), failures);
        this.retry = retry;
    }

    @Override
    public String model() {
        return backend == null ? ChatSettings.RETRIEVAL_ONLY : settings.model();
    }

    @Override
    public ChatAnswer answer(List<ChatTurn> conversation, AnswerListener listener, Cancellation cancel) {
        Conversation c = Conversation.of(conversation);
        AnswerListener l = listener == null ? AnswerListener.NONE : listener;
        Cancellation cx = cancel == null ? Cancellation.none() : cancel;
        cx.check();
        String query = rewriter.standalone(c, cx);
        cx.check();
        List<ChatSource> sources = retrieve(query);
        l.onSources(sources);
        if (backend == null || sources.isEmpty()) {
            String text = backend == null ? RetrievalOnly.text(sources, query) : RetrievalOnly.nothingFound(query);
            l.onText(text);
            // Without a model the passages are the answer, each listed as [n]: all of them are what it cites.
            return new ChatAnswer(text, sources, sources, query, model(), false);
        }
        ChatRequest request = ChatRequest.builder().messages(Prompt.messages(c, sources)).build();
        String text = retry.call(() -> stream(request, l, cx), cx, failures);
        return new ChatAnswer(text, sources, Citations.cited(text, sources), query, model(), true);
    }

    private List<ChatSource> retrieve(String query) {
        List<SearchHit> hits = searcher.search(SearchRequest.builder(query).topK(settings.topK()).mode(settings.mode()).build());
        List<ChatSource> sources = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            sources.add(new ChatSource(sources.size() + 1, h));
        }
        return sources;
    }

    private String stream(ChatRequest request, AnswerListener listener, Cancellation cancel) {
        StreamedAnswer answer = new StreamedAnswer();
        // A client may read the stream in the calling thread (when the response is complete before it registers its
        // reader); this one must stay free to deliver pieces, watch for cancellation and time out.
        Thread.startVirtualThread(() -> {
            try {
                backend.streaming().chat(request, answer);
            } catch (RuntimeException e) {
                // Some clients fail before streaming starts by throwing rather than calling onError.
                answer.onError(e);
            }
        });
        return answer.await(listener, cancel, settings.timeout(), failures);
    }

    @Override
    public String toString() {
        return "RagChat[" + settings + "]";
    }
}
