package dev.athenaeum.deploy.upload;

import dev.athenaeum.index.IndexDirectory;
import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The live generation of a local index, as it will be uploaded: its manifest's bytes and every file the manifest
 * lists, each read once to check it against the manifest and to compute the checksum S3 will report.
 */
record LocalIndex(Path generation, byte[] manifest, List<LocalFile> files) {

    static LocalIndex read(Path indexDir, UploadOptions options) throws UploadException, IOException {
        Path generation = new IndexDirectory(indexDir).current().orElseThrow(() -> new UploadException(
                "no index at " + indexDir + ": build one first"));
        IndexManifest manifest;
        try {
            manifest = KnowledgeIndex.readManifest(indexDir);
        } catch (IndexFormatException e) {
            throw new UploadException("cannot upload the index at " + indexDir + ": " + e.getMessage(), e);
        }
        List<LocalFile> files = new ArrayList<>();
        List<Map.Entry<String, IndexManifest.FileChecksum>> entries = manifest.checksums().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        for (Map.Entry<String, IndexManifest.FileChecksum> e : entries) {
            Path file = generation.resolve(e.getKey()).normalize();
            if (!file.startsWith(generation) || !Files.isRegularFile(file)) {
                throw new UploadException("the index at " + indexDir + " is incomplete: " + e.getKey()
                        + " is listed in its manifest but missing");
            }
            LocalFile local = S3Checksums.of(e.getKey(), file, options);
            if (!local.sha256().equals(e.getValue().sha256()) || local.bytes() != e.getValue().bytes()) {
                throw new UploadException("the index at " + indexDir + " is damaged: " + e.getKey()
                        + " differs from its manifest (rebuild it; 'athenaeum info --verify' lists every damaged file)");
            }
            files.add(local);
        }
        files.sort(Comparator.comparing(LocalFile::relative));
        byte[] manifestBytes = Files.readAllBytes(generation.resolve(UploadTarget.MANIFEST));
        return new LocalIndex(generation, manifestBytes, List.copyOf(files));
    }
}
