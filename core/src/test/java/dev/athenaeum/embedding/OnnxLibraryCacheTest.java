package dev.athenaeum.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ONNX Runtime's own jar: its libraries unpacked once, reused, replaced when damaged. */
class OnnxLibraryCacheTest {

    private static final String PLATFORM = OnnxLibraryCache.platform();

    @TempDir
    Path root;

    @Test
    void theLibrariesAreUnpackedOnceAndTheSameFolderIsReusedUntouched() throws Exception {
        Path dir = OnnxLibraryCache.cached(marker(), PLATFORM, root);

        assertThat(dir.getFileName().toString()).startsWith("onnxruntime-").endsWith("-" + PLATFORM);
        assertThat(files(dir)).contains(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        var modified = Files.getLastModifiedTime(dir.resolve(System.mapLibraryName("onnxruntime")));

        assertThat(OnnxLibraryCache.cached(marker(), PLATFORM, root)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(dir.resolve(System.mapLibraryName("onnxruntime")))).isEqualTo(modified);
        assertThat(files(root)).containsExactly(dir.getFileName().toString());
    }

    @Test
    void aDamagedCopyIsUnpackedAgain() throws Exception {
        Path dir = OnnxLibraryCache.cached(marker(), PLATFORM, root);
        Path lib = dir.resolve(System.mapLibraryName("onnxruntime"));
        long size = Files.size(lib);
        Files.write(lib, new byte[] {1, 2, 3});

        assertThat(OnnxLibraryCache.cached(marker(), PLATFORM, root)).isEqualTo(dir);
        assertThat(Files.size(lib)).isEqualTo(size);
        assertThat(files(root)).containsExactly(dir.getFileName().toString());
    }

    @Test
    void theModelRunsOnTheCachedLibraries() {
        // The build's tests start ONNX Runtime through EmbeddingModels, which installs the cache first.
        try (Embedder e = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment())) {
            assertThat(e.embed(List.of("a cached library still embeds")).getFirst()).hasSize(384);
        }
        String path = System.getProperty(OnnxLibraryCache.NATIVE_PATH);
        assertThat(path).as("ONNX Runtime was pointed at the cache").isNotNull();
        assertThat(Path.of(path).resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
    }

    private static URL marker() {
        return OnnxLibraryCache.class.getClassLoader()
                .getResource("ai/onnxruntime/native/" + PLATFORM + "/" + System.mapLibraryName("onnxruntime"));
    }

    private static List<String> files(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
