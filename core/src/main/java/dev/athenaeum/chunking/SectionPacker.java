package dev.athenaeum.chunking;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs units into chunks of at most {@code chunkSize} tokens. A new section (heading) always starts a new chunk;
 * a heading with nothing under it before a deeper heading travels into that heading's chunk. When a section
 * continues into another chunk, that chunk starts by repeating up to {@code chunkOverlap} tokens of prose from the
 * end of the previous one.
 */
final class SectionPacker {

    private final String file;
    private final String text;
    private final LineIndex lines;
    private final ChunkSettings settings;
    private final List<Chunk> out = new ArrayList<>();

    private List<String> headings = List.of();
    private final List<Unit> current = new ArrayList<>();
    private int currentTokens;
    private int fresh;

    SectionPacker(String file, String text, LineIndex lines, ChunkSettings settings, TextTokenizer tokenizer) {
        this.file = file;
        this.text = text;
        this.lines = lines;
        this.settings = settings;
    }

    void startSection(List<String> trail, Unit heading) {
        boolean onlyHeadings = !current.isEmpty() && current.stream().allMatch(Unit::heading);
        if (!(onlyHeadings && trail.size() > headings.size())) {
            if (fresh > 0 || onlyHeadings) {
                emit();
            }
            current.clear();
            currentTokens = 0;
        }
        headings = trail;
        fresh = 0;
        if (heading != null) {
            if (!current.isEmpty() && currentTokens + heading.tokens() > settings.chunkSize()) {
                emit();
                current.clear();
                currentTokens = 0;
            }
            current.add(heading);
            currentTokens += heading.tokens();
        }
    }

    void add(Unit unit) {
        if (unit == null) {
            return;
        }
        if (!current.isEmpty() && currentTokens + unit.tokens() > settings.chunkSize()) {
            if (fresh > 0 || current.stream().allMatch(Unit::heading)) {
                emit();
                List<Unit> tail = overlapTail(unit.tokens());
                current.clear();
                current.addAll(tail);
            } else {
                // Only repeated overlap is waiting: give up as much of it as the new unit needs.
                while (!current.isEmpty() && sum(current) + unit.tokens() > settings.chunkSize()) {
                    current.remove(0);
                }
            }
            currentTokens = sum(current);
            fresh = 0;
        }
        current.add(unit);
        currentTokens += unit.tokens();
        fresh++;
    }

    List<Chunk> finish() {
        if (fresh > 0 || current.stream().anyMatch(Unit::heading)) {
            emit();
        }
        current.clear();
        return out;
    }

    private List<Unit> overlapTail(int incomingTokens) {
        List<Unit> tail = new ArrayList<>();
        int tokens = 0;
        for (int i = current.size() - 1; i >= 0; i--) {
            Unit u = current.get(i);
            if (!u.reusable() || u.heading() || tokens + u.tokens() > settings.chunkOverlap()) {
                break;
            }
            tail.add(0, u);
            tokens += u.tokens();
        }
        while (!tail.isEmpty() && tokens + incomingTokens > settings.chunkSize()) {
            tokens -= tail.remove(0).tokens();
        }
        return tail;
    }

    private void emit() {
        if (current.isEmpty()) {
            return;
        }
        int start = current.get(0).start();
        int end = current.get(current.size() - 1).end();
        out.add(new Chunk(file, headings, lines.lineOf(start), lines.lineOf(end - 1),
                text.substring(start, end), sum(current)));
    }

    private static int sum(List<Unit> units) {
        int s = 0;
        for (Unit u : units) {
            s += u.tokens();
        }
        return s;
    }
}
