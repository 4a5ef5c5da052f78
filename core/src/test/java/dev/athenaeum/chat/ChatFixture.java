package dev.athenaeum.chat;

import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A chat test's parts: the searcher over the shared test index, and a fresh {@link FakeChatServer} for each test,
 * closed after it. Register with {@code @RegisterExtension final ChatFixture fixture = new ChatFixture();}.
 */
public final class ChatFixture implements BeforeEachCallback, AfterEachCallback {

    private FakeChatServer server;

    public Searcher searcher() {
        return ChatTestIndex.searcher();
    }

    public FakeChatServer server() {
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // Built (once) before the test starts, so that no test's timing includes the index.
        ChatTestIndex.searcher();
        server = new FakeChatServer();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
