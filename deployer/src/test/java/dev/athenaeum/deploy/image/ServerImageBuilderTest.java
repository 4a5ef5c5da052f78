package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.template.Architecture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real server jars pushed as an image to a real registry (Debian's docker-registry on loopback), on a small
 * base image pushed there first since no public registry is reachable; the manifest is read back over the
 * registry's HTTP API.
 */
class ServerImageBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT = "application/vnd.docker.distribution.manifest.v2+json,"
            + "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,"
            + "application/vnd.oci.image.index.v1+json";

    private static LocalRegistry registry;
    private static String base;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startRegistryWithABaseImage() throws Exception {
        registry = LocalRegistry.start();
        base = registry.pushBase();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theServerImageIsOnePlatformWithTheEntryPointEnvironmentAndTwoLayersOfJars() throws Exception {
        ServerDistribution server = ServerDistribution.fromClasspath();
        assertThat(server.dependencies()).anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("onnxruntime-"));
        List<ImageProgress> progress = new ArrayList<>();
        ImageSettings settings = ImageSettings.builder(registry.host() + "/athenaeum-server:test").baseImage(base)
                .allowInsecure(true).build();

        ImageResult result = new ServerImageBuilder().build(server, settings, progress::add, Cancellation.none());

        assertThat(result.reference()).isEqualTo(registry.host() + "/athenaeum-server@" + result.digest());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(registry.api("athenaeum-server/manifests/test"))
                .header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body())))
                .as("the digest returned is the pushed manifest's").isEqualTo(result.digest());
        JsonNode manifest = JSON.readTree(response.body());
        assertThat(manifest.path("mediaType").asText("application/vnd.oci.image.manifest.v1+json"))
                .isIn("application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.has("manifests")).as("a single image, not a list").isFalse();
        JsonNode layers = manifest.get("layers");
        assertThat(layers).hasSize(3);
        layers.forEach(l -> assertThat(l.get("size").asLong()).isPositive());
        long pushed = layers.get(1).get("size").asLong() + layers.get(2).get("size").asLong();
        assertThat(pushed).as("compressed jars: the natives of one platform only").isLessThan(120L * 1024 * 1024);

        assertThat(layerFiles(layers.get(1).get("digest").asText()))
                .contains("opt/athenaeum/natives/libonnxruntime.so", "opt/athenaeum/natives/libonnxruntime4j_jni.so")
                .anySatisfy(f -> assertThat(f).matches("opt/athenaeum/lib/onnxruntime-.*\\.jar"));

        JsonNode config = JSON.readTree(blob(manifest.get("config").get("digest").asText()));
        assertThat(config.get("architecture").asText()).isEqualTo("amd64");
        assertThat(config.get("os").asText()).isEqualTo("linux");
        List<String> entrypoint = new ArrayList<>();
        config.get("config").get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint).hasSize(4).startsWith("java", "-cp").endsWith("dev.athenaeum.server.lambda.LambdaMain");
        assertThat(entrypoint.get(2)).startsWith("/opt/athenaeum/app/").endsWith(":/opt/athenaeum/lib/*");
        List<String> env = new ArrayList<>();
        config.get("config").get("Env").forEach(e -> env.add(e.asText()));
        assertThat(env).contains("PATH=/usr/bin:/bin", "ATHENAEUM_INDEX_DIR=/tmp/athenaeum/index",
                "JAVA_TOOL_OPTIONS=-XX:+UseSerialGC -Xshare:auto --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
                        + " -Donnxruntime.native.path=/opt/athenaeum/natives");

        assertThat(progress).isNotEmpty();
        assertThat(progress).anySatisfy(p -> assertThat(p.fraction()).isBetween(0.01, 0.99));
        assertThat(progress.getLast().fraction()).isEqualTo(1.0);
        assertThat(progress.getLast().layersDone()).isPositive();
        assertThat(progress.stream().mapToLong(ImageProgress::bytesPushed).max().orElse(0)).isPositive();

        ImageResult again = new ServerImageBuilder().build(server, settings, ImageListener.NONE, Cancellation.none());
        assertThat(again.digest()).as("the same jars give the same image").isEqualTo(result.digest());
    }

    @Test
    void onnxRuntimeGoesInWithoutNativesAndTheImagePlatformsLibrariesUnpacked() throws Exception {
        Path onnx = ServerDistribution.fromClasspath().dependencies().stream()
                .filter(OnnxNatives::isOnnxRuntime).findFirst().orElseThrow();
        Path dir = Files.createTempDirectory("athenaeum-onnx-");
        OnnxNatives.Split split = OnnxNatives.split(onnx, Architecture.ARM64, dir);
        try (ZipFile zip = new ZipFile(split.jar().toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("ai/onnxruntime/native/")
                    && !n.endsWith("/"))).isEmpty();
            assertThat(zip.getEntry("ai/onnxruntime/OrtEnvironment.class")).isNotNull();
        }
        try (ZipFile original = new ZipFile(onnx.toFile()); var libs = Files.list(split.natives())) {
            List<Path> files = libs.toList();
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("libonnxruntime.so", "libonnxruntime4j_jni.so");
            for (Path lib : files) {
                assertThat(Files.size(lib)).isEqualTo(original.getEntry("ai/onnxruntime/native/linux-aarch64/"
                        + lib.getFileName()).getSize());
            }
        }
        assertThat(Files.size(split.jar())).isLessThan(Files.size(onnx) / 10);
    }

    /** The paths in a pushed layer (a gzipped tar). */
    private static List<String> layerFiles(String digest) throws Exception {
        List<String> names = new ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(blob(digest))))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
            }
        }
        return names;
    }

    @Test
    void aCancelStopsTheBuild() throws Exception {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        ImageSettings settings = ImageSettings.builder(registry.host() + "/athenaeum-server:cancelled").baseImage(base)
                .allowInsecure(true).build();
        assertThatThrownBy(() -> new ServerImageBuilder().build(ServerDistribution.fromClasspath(), settings,
                ImageListener.NONE, cancel)).isInstanceOf(CancelledException.class);
        int status = http.send(HttpRequest.newBuilder(registry.api("athenaeum-server/manifests/cancelled"))
                .header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(404);
    }

    private static byte[] blob(String digest) throws Exception {
        return http.send(HttpRequest.newBuilder(registry.api("athenaeum-server/blobs/" + digest)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
