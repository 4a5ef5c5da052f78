package dev.athenaeum.chunking;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    private final TextTokenizer tokenizer;
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
        this.tokenizer = tokenizer;
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

    /**
     * The prose at the end of the current chunk to repeat at the start of the next: whole units from the end while
     * they fit the overlap (and leave room for the incoming unit), then the last sentences of the unit that does not.
     */
    private List<Unit> overlapTail(int incomingTokens) {
        int room = Math.min(settings.chunkOverlap(), settings.chunkSize() - incomingTokens);
        List<Unit> tail = new ArrayList<>();
        int tokens = 0;
        for (int i = current.size() - 1; i >= 0 && tokens < room; i--) {
            Unit u = current.get(i);
            if (!u.reusable() || u.heading()) {
                break;
            }
            if (tokens + u.tokens() <= room) {
                tail.add(0, u);
                tokens += u.tokens();
                continue;
            }
            Unit end = lastSentences(u, room - tokens);
            if (end != null) {
                tail.add(0, end);
            }
            break;
        }
        return tail;
    }

    /** The longest run of whole sentences ending {@code unit} that holds at most {@code room} tokens, or null. */
    private Unit lastSentences(Unit unit, int room) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text.substring(unit.start(), unit.end()));
        Unit best = null;
        for (int b = it.preceding(unit.end() - unit.start()); b > 0; b = it.preceding(b)) {
            int start = unit.start() + b;
            while (start < unit.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start >= unit.end() || ".,;:!?)]}".indexOf(text.charAt(start)) >= 0) {
                // Not a sentence start: the JDK's sentence rules sometimes break before a closing period.
                continue;
            }
            int tokens = tokenizer.count(text.substring(start, unit.end()));
            if (tokens > room) {
                break;
            }
            best = new Unit(start, unit.end(), tokens, true, false);
        }
        return best;
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
