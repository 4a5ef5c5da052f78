package dev.athenaeum.chat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

import java.util.Objects;

/**
 * The langchain4j models behind one chat: the streaming one writes answers, the plain one rewrites follow-ups (it may
 * be null, then follow-ups are rewritten without a model), and the hint carries {@code Retry-After} from the HTTP
 * layer to the retry loop.
 */
record ChatBackend(StreamingChatModel streaming, ChatModel rewriter, RetryAfterHint retryAfter) {

    ChatBackend {
        Objects.requireNonNull(streaming, "streaming");
        retryAfter = retryAfter == null ? new RetryAfterHint() : retryAfter;
    }
}
