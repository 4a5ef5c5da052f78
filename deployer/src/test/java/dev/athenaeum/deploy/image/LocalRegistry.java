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
public final class LocalRegistry implements AutoCloseable {

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

    public static LocalRegistry start() throws Exception {
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

    public String host() {
        return "localhost:" + port;
    }

    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + "/v2/" + path);
    }

    /**
     * Pushes a small base image (one file, no JRE) as {@code base:1} and returns its reference: no public registry
     * is reachable for a real one, and the tests only look at the pushed image, never run it.
     */
    public String pushBase() throws Exception {
        Path root = Files.createTempDirectory(dir, "base-");
        Path osRelease = Files.writeString(root.resolve("os-release"), "NAME=\"Athenaeum test base\"\nID=test\n");
        String base = host() + "/base:1";
        com.google.cloud.tools.jib.api.Jib.fromScratch()
                .setPlatforms(java.util.Set.of(new com.google.cloud.tools.jib.api.buildplan.Platform("amd64", "linux")))
                .addFileEntriesLayer(com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer.builder().setName("os")
                        .addEntry(osRelease, com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath.get("/etc/os-release"))
                        .build())
                .setEnvironment(java.util.Map.of("PATH", "/usr/bin:/bin"))
                .containerize(com.google.cloud.tools.jib.api.Containerizer.to(
                        com.google.cloud.tools.jib.api.RegistryImage.named(base)).setAllowInsecureRegistries(true));
        return base;
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
