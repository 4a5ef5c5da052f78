package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.template.Architecture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * ONNX Runtime's jar carries native libraries for six platforms (about 90 MB); the image needs one. A copy without
 * the others is made, as the Dockerfile does with {@code zip -d}.
 */
final class OnnxNatives {

    private static final String NATIVE = "ai/onnxruntime/native/";

    private OnnxNatives() {
    }

    static boolean isOnnxRuntime(Path jar) {
        return jar.getFileName().toString().startsWith("onnxruntime-") && jar.toString().endsWith(".jar");
    }

    /** Writes the jar into {@code dir} under its own name, with only {@code platform}'s natives. */
    static Path strip(Path jar, Architecture architecture, Path dir) throws IOException {
        Path out = dir.resolve(jar.getFileName().toString());
        String keep = NATIVE + architecture.onnxPlatform() + "/";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                boolean otherPlatform = name.startsWith(NATIVE) && name.length() > NATIVE.length()
                        && !name.startsWith(keep) && name.indexOf('/', NATIVE.length()) > 0;
                if (otherPlatform) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                transfer(in, zip);
                zip.closeEntry();
            }
        }
        return out;
    }

    private static void transfer(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
