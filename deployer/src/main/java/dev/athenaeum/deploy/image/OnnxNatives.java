package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.template.Architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * ONNX Runtime's jar carries native libraries for six platforms (about 90 MB); the image needs one. The jar goes in
 * without any, and the image platform's libraries go in unpacked, in {@link #DIR}: ONNX Runtime loads them from
 * there ({@code -Donnxruntime.native.path}) instead of unpacking them into /tmp on every cold start.
 */
final class OnnxNatives {

    /** Where the image keeps the unpacked libraries. */
    static final String DIR = ServerImageBuilder.HOME + "/natives";
    private static final String NATIVE = "ai/onnxruntime/native/";

    private OnnxNatives() {
    }

    /** The jar without natives, and a folder with the platform's libraries. */
    record Split(Path jar, Path natives) {
    }

    static boolean isOnnxRuntime(Path jar) {
        return jar.getFileName().toString().startsWith("onnxruntime-") && jar.toString().endsWith(".jar");
    }

    /** Writes the jar into {@code dir} under its own name, without natives, and {@code platform}'s into a folder. */
    static Split split(Path jar, Architecture architecture, Path dir) throws IOException {
        Path out = dir.resolve(jar.getFileName().toString());
        Path natives = Files.createDirectories(dir.resolve("natives"));
        String keep = NATIVE + architecture.onnxPlatform() + "/";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.startsWith(keep) && !e.isDirectory() && name.indexOf('/', keep.length()) < 0) {
                    Files.copy(in, natives.resolve(name.substring(keep.length())));
                    continue;
                }
                boolean platformFolder = name.startsWith(NATIVE) && name.length() > NATIVE.length()
                        && name.indexOf('/', NATIVE.length()) > 0;
                if (platformFolder) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                transfer(in, zip);
                zip.closeEntry();
            }
        }
        return new Split(out, natives);
    }

    private static void transfer(InputStream in, java.io.OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
