package dev.athenaeum.deploy.image;

import dev.athenaeum.deploy.template.Architecture;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image's two layers: third-party jars in {@code /opt/athenaeum/lib} (with ONNX Runtime's libraries for the
 * image's platform unpacked in {@code /opt/athenaeum/natives}) and Athenaeum's own jars or classes folders in {@code /opt/athenaeum/app}.
 */
record Layers(FileEntriesLayer dependencies, FileEntriesLayer own, List<String> ownPaths, long bytes) {

    static Layers of(ServerDistribution server, Architecture architecture, Path work) throws IOException {
        long bytes = 0;
        FileEntriesLayer.Builder deps = FileEntriesLayer.builder().setName("dependencies");
        for (Path jar : server.dependencies()) {
            Path file = jar;
            if (OnnxNatives.isOnnxRuntime(jar)) {
                OnnxNatives.Split split = OnnxNatives.split(jar, architecture, work);
                file = split.jar();
                try (Stream<Path> libs = Files.list(split.natives())) {
                    for (Path lib : libs.sorted().toList()) {
                        deps.addEntry(lib, AbsoluteUnixPath.get(OnnxNatives.DIR + "/" + lib.getFileName()));
                        bytes += Files.size(lib);
                    }
                }
            }
            deps.addEntry(file, AbsoluteUnixPath.get(ServerImageBuilder.HOME + "/lib/" + jar.getFileName()));
            bytes += Files.size(file);
        }
        FileEntriesLayer.Builder own = FileEntriesLayer.builder().setName("athenaeum");
        List<String> paths = new ArrayList<>();
        for (Path entry : server.ownEntries()) {
            if (Files.isDirectory(entry)) {
                // A build tree's classes folder: named after its module (…/server/target/classes → server).
                String target = ServerImageBuilder.HOME + "/app/" + entry.getParent().getParent().getFileName();
                own.addEntryRecursive(entry, AbsoluteUnixPath.get(target));
                paths.add(target);
                bytes += sizeOf(entry);
            } else {
                String target = ServerImageBuilder.HOME + "/app/" + entry.getFileName();
                own.addEntry(entry, AbsoluteUnixPath.get(target));
                paths.add(target);
                bytes += Files.size(entry);
            }
        }
        return new Layers(deps.build(), own.build(), List.copyOf(paths), bytes);
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
