package dev.athenaeum.gui.search;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A session on a built index of a small copy of the user guide. */
public final class IndexedGuide {

    private IndexedGuide() {
    }

    public static KnowledgeBaseSession build(Path dir) throws IOException {
        Path guide = GuiFixtures.guideCopy(dir.resolve("guide"), GuiFixtures.FEW);
        KnowledgeBaseSession session = new KnowledgeBaseSession(
                KnowledgeBase.of("guide", List.of(guide), dir.resolve("index")), GuiFixtures.MODELS);
        session.build(ProgressListener.NONE, new Cancellation());
        return session;
    }
}
