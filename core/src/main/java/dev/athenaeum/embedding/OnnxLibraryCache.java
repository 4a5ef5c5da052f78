package dev.athenaeum.embedding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * ONNX Runtime unpacks its native libraries (17 MB on Linux) from its jar into a new temporary folder at every
 * start, a fifth of a second of every launch and cold start. They are unpacked once into a cache folder instead,
 * named after the jar and the platform, and ONNX Runtime is pointed there through its own
 * {@code onnxruntime.native.path}. Anything unexpected leaves ONNX Runtime to do as it always did.
 */
final class OnnxLibraryCache {

    static final String NATIVE_PATH = "onnxruntime.native.path";
    /** The folder holding the cache; default {@code ~/.athenaeum/natives}. */
    static final String CACHE_DIR = "athenaeum.nativeCache";
    private static final String PREFIX = "ai/onnxruntime/native/";
    private static final Logger log = LoggerFactory.getLogger(OnnxLibraryCache.class);
    private static boolean done;

    private OnnxLibraryCache() {
    }

    /** Points ONNX Runtime at the cached libraries, unpacking them first if needed; call before ONNX Runtime loads. */
    static synchronized void install() {
        if (done || System.getProperty(NATIVE_PATH) != null) {
            return;
        }
        done = true;
        String platform = platform();
        URL marker = OnnxLibraryCache.class.getClassLoader()
                .getResource(PREFIX + platform + "/" + System.mapLibraryName("onnxruntime"));
        if (platform == null || marker == null || !"jar".equals(marker.getProtocol())) {
            return;
        }
        try {
            Path dir = cached(marker, platform, cacheRoot());
            System.setProperty(NATIVE_PATH, dir.toString());
        } catch (IOException | RuntimeException e) {
            log.debug("ONNX Runtime's libraries are unpacked by ONNX Runtime itself: {}", e.toString());
        }
    }

    static Path cacheRoot() {
        String configured = System.getProperty(CACHE_DIR);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".athenaeum", "natives");
    }

    /** The platform folder inside ONNX Runtime's jar, as ONNX Runtime names it; null for one it has none for. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }

    /** The folder with the platform's libraries as in the jar, unpacked now unless an identical copy exists. */
    static Path cached(URL marker, String platform, Path root) throws IOException {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Map<String, JarEntry> libraries = new LinkedHashMap<>();
            String folder = PREFIX + platform + "/";
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(folder) && !entry.isDirectory() && name.indexOf('/', folder.length()) < 0) {
                    libraries.put(name.substring(folder.length()), entry);
                }
            }
            String jarName = Path.of(jar.getName()).getFileName().toString().replaceFirst("\\.jar$", "");
            Path dir = root.resolve(jarName + "-" + platform);
            if (matches(dir, libraries)) {
                return dir;
            }
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, "unpacking-");
            try {
                for (Map.Entry<String, JarEntry> lib : libraries.entrySet()) {
                    try (InputStream in = jar.getInputStream(lib.getValue())) {
                        Files.copy(in, staging.resolve(lib.getKey()));
                    }
                }
                if (Files.exists(dir)) {
                    deleteFolder(dir);
                }
                move(staging, dir);
            } finally {
                if (Files.exists(staging)) {
                    deleteFolder(staging);
                }
            }
            if (!matches(dir, libraries)) {
                throw new IOException("the unpacked libraries in " + dir + " do not match the jar");
            }
            return dir;
        }
    }

    private static void move(Path staging, Path dir) throws IOException {
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, dir);
        } catch (IOException e) {
            // Another process unpacked the same libraries first: theirs are checked like ours.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** A flat folder of libraries (the staging folder, or a copy that no longer matches). */
    private static void deleteFolder(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static boolean matches(Path dir, Map<String, JarEntry> libraries) throws IOException {
        if (libraries.isEmpty() || !Files.isDirectory(dir)) {
            return false;
        }
        for (Map.Entry<String, JarEntry> lib : libraries.entrySet()) {
            Path file = dir.resolve(lib.getKey());
            if (!Files.isRegularFile(file) || Files.size(file) != lib.getValue().getSize()) {
                return false;
            }
        }
        return true;
    }
}
