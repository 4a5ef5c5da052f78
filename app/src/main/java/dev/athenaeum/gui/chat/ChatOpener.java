package dev.athenaeum.gui.chat;

import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.chat.RagChat;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.index.KnowledgeIndex;

import java.io.IOException;

/** Opens what answers one question: a chat over the knowledge base's index with the given settings. */
@FunctionalInterface
public interface ChatOpener {

    OpenChat open(ChatSettings settings) throws IOException;

    /** A chat and what it holds open (the index), closed once the answer is done. */
    interface OpenChat extends AutoCloseable {
        KnowledgeChat chat();

        @Override
        void close() throws IOException;
    }

    /**
     * A chat over its own handle on the session's index, opened per question: a rebuild closes the session's index
     * and switches generations, and an answer streaming meanwhile must keep reading the one it started with.
     */
    static ChatOpener of(KnowledgeBaseSession session) {
        return settings -> {
            KnowledgeIndex index = KnowledgeIndex.open(session.knowledgeBase().indexDir());
            try {
                KnowledgeChat chat = new RagChat(session.searcherFor(index), settings);
                return new OpenChat() {
                    @Override
                    public KnowledgeChat chat() {
                        return chat;
                    }

                    @Override
                    public void close() throws IOException {
                        index.close();
                    }
                };
            } catch (RuntimeException e) {
                index.close();
                throw e;
            }
        };
    }
}
