package dev.athenaeum.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Requests to a server on this machine: one client asking one question after another, or many clients at once on
 * virtual threads, each with its own keep-alive connection ({@link LoopbackHttp}). A request counts as successful
 * when it is answered with 200; anything else (another status, a timeout, a dropped connection) is an error, and
 * the client connects again after a connection error.
 */
final class HttpLoad {

    private final String host;
    private final int port;
    private final String path;
    private final List<byte[]> bodies;
    private final int timeoutMillis;

    HttpLoad(String host, int port, String path, List<byte[]> bodies, int timeoutMillis) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no request bodies");
        }
        this.host = host;
        this.port = port;
        this.path = path;
        this.bodies = bodies;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * One client, sequential requests on one connection: {@code warmupMillis} of requests that are not recorded,
     * then {@code rounds} rounds over all bodies, each round in a new shuffled order.
     */
    LoadStats sequential(long warmupMillis, int rounds, long seed) {
        LoadStats.Recorder warm = new LoadStats.Recorder();
        Conn conn = new Conn();
        long until = System.nanoTime() + warmupMillis * 1_000_000;
        for (int i = 0; System.nanoTime() < until; i++) {
            conn.request(bodies.get(i % bodies.size()), warm);
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, bodies.size()).boxed().toList());
        Random rnd = new Random(seed);
        LoadStats.Recorder rec = new LoadStats.Recorder();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            Collections.shuffle(order, rnd);
            for (int q : order) {
                conn.request(bodies.get(q), rec);
            }
        }
        conn.close();
        return LoadStats.of(List.of(rec), start);
    }

    /**
     * {@code clients} clients at once: all connect first, then all start together and send requests back to back
     * until {@code durationMillis} have passed (a request under way then is finished and counted). Client c sends
     * bodies c, c + clients, c + 2·clients, … (modulo their number), so clients ask different questions.
     */
    LoadStats concurrent(int clients, long durationMillis) throws InterruptedException {
        List<LoadStats.Recorder> recorders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            recorders.add(new LoadStats.Recorder());
        }
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    LoadStats.Recorder rec = recorders.get(client);
                    Conn conn = new Conn();
                    conn.connectQuietly();
                    connected.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long deadline = window[1];
                    for (long i = client; System.nanoTime() < deadline; i += clients) {
                        conn.request(bodies.get((int) (i % bodies.size())), rec);
                    }
                    conn.close();
                });
            }
            connected.await();
            window[0] = System.nanoTime();
            window[1] = window[0] + durationMillis * 1_000_000;
            go.countDown();
        }
        return LoadStats.of(recorders, window[0]);
    }

    /** A client's connection, opened again after it fails or the server closes it. */
    private final class Conn {

        private LoopbackHttp http;

        void connectQuietly() {
            try {
                http = new LoopbackHttp(host, port, timeoutMillis);
            } catch (IOException e) {
                http = null;
            }
        }

        void request(byte[] body, LoadStats.Recorder rec) {
            long t0 = System.nanoTime();
            try {
                if (http == null || !http.isOpen()) {
                    http = new LoopbackHttp(host, port, timeoutMillis);
                }
                LoopbackHttp.Response r = http.postJson(path, body);
                long t1 = System.nanoTime();
                if (r.status() == 200) {
                    rec.ok(t0, t1);
                } else {
                    rec.error("HTTP " + r.status(), t1);
                }
            } catch (IOException | RuntimeException e) {
                rec.error(e.getClass().getSimpleName(), System.nanoTime());
                close();
            }
        }

        void close() {
            if (http != null) {
                http.close();
                http = null;
            }
        }
    }
}
