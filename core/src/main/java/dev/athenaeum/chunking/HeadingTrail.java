package dev.athenaeum.chunking;

import java.util.ArrayList;
import java.util.List;

/** The open headings above the current position: entering a heading closes those at its level and deeper. */
final class HeadingTrail {

    private final List<Integer> levels = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    List<String> enter(int level, String text) {
        while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
            levels.remove(levels.size() - 1);
            texts.remove(texts.size() - 1);
        }
        levels.add(level);
        texts.add(text);
        return List.copyOf(texts);
    }
}
