package dev.athenaeum.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackHttpTest {

    private HttpServer server;
    private int port;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(ServerProcess.HOST, 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            requests.incrementAndGet();
            byte[] in = ex.getRequestBody().readAllBytes();
            String body = ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(in, StandardCharsets.UTF_8);
            send(ex, 200, body.getBytes(StandardCharsets.UTF_8), false);
        });
        server.createContext("/chunked", ex -> send(ex, 200, "x".repeat(100_000).getBytes(StandardCharsets.UTF_8), true));
        server.createContext("/busy", ex -> send(ex, 503, "{\"error\":\"busy\"}".getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/empty", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/close", ex -> {
            ex.getResponseHeaders().add("Connection", "close");
            send(ex, 200, "bye".getBytes(StandardCharsets.UTF_8), false);
        });
        server.start();
        port = server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, byte[] body, boolean chunked) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (chunked) {
                for (int i = 0; i < body.length; i += 7000) {
                    out.write(body, i, Math.min(7000, body.length - i));
                    out.flush();
                }
            } else {
                out.write(body);
            }
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void requestsShareOneKeptAliveConnection() throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(ServerProcess.HOST, port, 5000)) {
            for (int i = 0; i < 5; i++) {
                LoopbackHttp.Response r = http.postJson("/echo", ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("POST application/json {\"i\":" + i + "}");
            }
            assertThat(http.get("/echo").text()).isEqualTo("GET null ");
            assertThat(http.isOpen()).isTrue();
        }
        assertThat(requests.get()).isEqualTo(6);
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void chunkedBodiesStatusesAndEmptyBodiesAreRead() throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(ServerProcess.HOST, port, 5000)) {
            assertThat(http.get("/chunked").body()).hasSize(100_000);
            LoopbackHttp.Response busy = http.get("/busy");
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.text()).contains("busy");
            assertThat(http.get("/empty").body()).isEmpty();
            assertThat(http.get("/echo").status()).isEqualTo(200);
        }
    }

    @Test
    void aConnectionTheServerClosesIsReportedClosed() throws IOException {
        LoopbackHttp http = new LoopbackHttp(ServerProcess.HOST, port, 5000);
        assertThat(http.get("/close").text()).isEqualTo("bye");
        assertThat(http.isOpen()).isFalse();
        assertThatThrownBy(() -> http.get("/echo")).isInstanceOf(IOException.class);
    }

    @Test
    void sequentialRunsRecordEveryRoundAfterTheWarmUp() {
        HttpLoad load = new HttpLoad(ServerProcess.HOST, port, "/echo",
                List.of("{\"q\":1}".getBytes(StandardCharsets.UTF_8), "{\"q\":2}".getBytes(StandardCharsets.UTF_8)), 5000);
        LoadStats s = load.sequential(50, 3, 1);
        assertThat(s.ok()).isEqualTo(6);
        assertThat(s.errorCount()).isZero();
        assertThat(requests.get()).isGreaterThan(6);
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void concurrentClientsKeepTheirConnectionsAndCountFailures() throws InterruptedException {
        HttpLoad ok = new HttpLoad(ServerProcess.HOST, port, "/echo", List.of("{}".getBytes(StandardCharsets.UTF_8)), 5000);
        LoadStats s = ok.concurrent(20, 300);
        assertThat(s.ok()).isGreaterThanOrEqualTo(20);
        assertThat(s.errorCount()).isZero();
        assertThat(s.seconds()).isGreaterThanOrEqualTo(0.3);
        assertThat(clientPorts).hasSize(20);

        HttpLoad busy = new HttpLoad(ServerProcess.HOST, port, "/busy", List.of("{}".getBytes(StandardCharsets.UTF_8)), 5000);
        LoadStats b = busy.concurrent(3, 100);
        assertThat(b.ok()).isZero();
        assertThat(b.errors()).containsOnlyKeys("HTTP 503");
    }

    @Test
    void aServerThatIsNotThereIsAConnectionError() throws Exception {
        int nobody = ServerProcess.freePort();
        HttpLoad load = new HttpLoad(ServerProcess.HOST, nobody, "/echo", List.of("{}".getBytes(StandardCharsets.UTF_8)), 1000);
        LoadStats s = load.concurrent(2, 50);
        assertThat(s.ok()).isZero();
        assertThat(s.errors()).containsOnlyKeys("ConnectException");
    }
}
