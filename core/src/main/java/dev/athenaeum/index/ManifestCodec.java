package dev.athenaeum.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json}, checking its magic and format version. */
final class ManifestCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestCodec() {
    }

    static void write(IndexManifest manifest, Path file) throws IOException {
        JSON.writeValue(file.toFile(), manifest);
    }

    static IndexManifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IndexFormatException("not an Athenaeum index: " + file.getParent() + " has no manifest.json");
        }
        IndexManifest m;
        try {
            m = JSON.readValue(file.toFile(), IndexManifest.class);
        } catch (IOException e) {
            throw new IndexFormatException("the index manifest " + file + " is unreadable: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (!IndexManifest.MAGIC.equals(m.magic())) {
            throw new IndexFormatException("not an Athenaeum index: " + file + " is some other JSON file");
        }
        if (m.formatVersion() > IndexManifest.FORMAT_VERSION) {
            throw new IndexFormatException("this index has format version " + m.formatVersion()
                    + ", newer than this Athenaeum reads (" + IndexManifest.FORMAT_VERSION + "): update Athenaeum");
        }
        if (m.formatVersion() < 1) {
            throw new IndexFormatException("the index manifest " + file + " has an invalid format version " + m.formatVersion());
        }
        return m;
    }
}
