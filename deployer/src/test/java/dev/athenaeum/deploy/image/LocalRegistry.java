package dev.athenaeum.deploy.image;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (the CNCF distribution registry) on a free loopback port, with its storage in a
 * temporary folder. CI unpacks it into target/registry; without it the test fails and says how to get it.
 */
final class LocalRegistry implements AutoCloseable {

    static final Path BINARY = Path.of("../target/registry/usr/bin/docker-registry").toAbsolutePath().normalize();
    static final String HOW = "mkdir -p target/registry && cd target/registry && apt-get download docker-registry"
            + " && dpkg-deb -x docker-registry_*.deb .   (in the repository's root; .ci/run does it)";

    private final Process process;
    private final Path dir;
    private final int port;

    private LocalRegistry(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static LocalRegistry start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("no registry at " + BINARY + ": get it with  " + HOW);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("athenaeum-registry-");
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("data"), port));
        Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(p, dir, port);
        registry.awaitReady();
        return registry;
    }

    String host() {
        return "localhost:" + port;
    }

    URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + "/v2/" + path);
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(api("")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("docker-registry did not answer: " + Files.readString(dir.resolve("registry.log")));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
