package dev.athenaeum.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
        // Identity and version are checked on the bare JSON tree before it is mapped onto the record: a newer
        // format may lay the rest out differently, and then "update Athenaeum" is the helpful answer, not
        // "unreadable"; another program's JSON file is likewise named as such.
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        JsonNode magic = tree == null ? null : tree.get("magic");
        if (magic == null || !magic.isTextual() || !IndexManifest.MAGIC.equals(magic.asText())) {
            throw new IndexFormatException("not an Athenaeum index: " + file + " is some other JSON file");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new IndexFormatException("the index manifest " + file + " has no valid format version");
        }
        int formatVersion = version.asInt();
        if (formatVersion > IndexManifest.FORMAT_VERSION) {
            throw new IndexFormatException("this index has format version " + formatVersion
                    + ", newer than this Athenaeum reads (" + IndexManifest.FORMAT_VERSION + "): update Athenaeum");
        }
        if (formatVersion < 1) {
            throw new IndexFormatException("the index manifest " + file + " has an invalid format version " + formatVersion);
        }
        try {
            return JSON.treeToValue(tree, IndexManifest.class);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static IndexFormatException unreadable(Path file, IOException e) {
        return new IndexFormatException("the index manifest " + file + " is unreadable: "
                + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
}
