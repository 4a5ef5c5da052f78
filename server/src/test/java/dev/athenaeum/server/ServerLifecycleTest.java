package dev.athenaeum.server;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.BindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerLifecycleTest {

    @Test
    void aPortInUseIsABindErrorNamingIt() {
        try (TestServer first = TestServer.open(ScriptedChat.answering())) {
            Backend backend = new Backend(TestServer.sharedIndex(), TestIndex.searcher(TestServer.sharedIndex()),
                    ScriptedChat.answering());
            AthenaeumServer second = new AthenaeumServer(ServerConfig.builder().port(first.port).build(), backend);

            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port);
            second.close();
            assertThat(first.http.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        TestServer server = TestServer.open(ScriptedChat.answering());
        assertThatThrownBy(server.server::start).isInstanceOf(IllegalStateException.class);
        assertThat(server.server.port()).isEqualTo(server.port);
        server.close();
        server.close();
        assertThatThrownBy(server.server::port).isInstanceOf(IllegalStateException.class);
    }
}
