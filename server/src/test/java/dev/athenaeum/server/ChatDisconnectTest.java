package dev.athenaeum.server;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that hangs up in the middle of a streamed answer cancels it: the model stops writing for nobody. */
class ChatDisconnectTest {

    @Test
    void hangingUpMidStreamCancelsTheAnswer() throws Exception {
        ScriptedChat slow = ScriptedChat.slow(500, Duration.ofMillis(20));
        try (TestServer server = TestServer.open(slow)) {
            String body = "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"tell me everything\"}]}";
            try (Socket socket = new Socket("127.0.0.1", server.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                String line;
                int words = 0;
                while (words < 3 && (line = in.readLine()) != null) {
                    if (line.contains("\"content\":\"word \"")) {
                        words++;
                    }
                }
                assertThat(words).isEqualTo(3);
            }

            // 500 pieces at 20 ms would take 10 s; the cancellation must come long before.
            assertThat(slow.cancelled.await(5, TimeUnit.SECONDS)).as("answer cancelled after the client left").isTrue();
        }
    }
}
