package dev.athenaeum.cli;

import dev.athenaeum.chat.AnswerListener;
import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.ChatSource;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for core's RagChat until it lands: answers with the passages that match the last question, numbered as
 * sources, and no generated text. Only {@link ServeCommand#knowledgeChat} creates it; both go when RagChat arrives.
 */
final class RetrievalOnlyChat implements KnowledgeChat {

    private final Searcher searcher;
    private final ChatSettings settings;

    RetrievalOnlyChat(Searcher searcher, ChatSettings settings) {
        this.searcher = searcher;
        this.settings = settings;
    }

    @Override
    public ChatAnswer answer(List<ChatTurn> conversation, AnswerListener listener, Cancellation cancel) {
        String question = conversation.reversed().stream().filter(t -> t.role() == ChatTurn.Role.USER)
                .map(ChatTurn::text).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the conversation has no question to answer"));
        cancel.check();
        List<SearchHit> hits = searcher.search(
                SearchRequest.builder(question).topK(settings.topK()).mode(settings.mode()).build());
        List<ChatSource> sources = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            sources.add(new ChatSource(sources.size() + 1, hit));
        }
        listener.onSources(sources);
        StringBuilder text = new StringBuilder();
        if (sources.isEmpty()) {
            text.append("Nothing in the knowledge base matches this question.");
        } else {
            text.append("No model is configured to write an answer; these passages match best:\n");
            sources.forEach(s -> text.append("\n[").append(s.number()).append("] ").append(s.location()));
        }
        cancel.check();
        listener.onText(text.toString());
        return new ChatAnswer(text.toString(), sources, sources, question, model(), false);
    }

    @Override
    public String model() {
        return ChatSettings.RETRIEVAL_ONLY;
    }
}
