package dev.athenaeum.gui.workspace;

import java.nio.file.Path;

/** A knowledge base on the start screen: its name and the file that holds it. */
public record RecentEntry(String name, Path file) {
}
