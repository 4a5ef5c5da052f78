package dev.athenaeum.server.lambda;

import dev.athenaeum.index.FileTrees;

import java.io.IOException;
import java.nio.file.Path;

final class Folders {

    private Folders() {
    }

    /** Best effort: a leftover in /tmp costs space, never correctness, since only complete indexes are moved in. */
    static void deleteQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Folders.class).warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
