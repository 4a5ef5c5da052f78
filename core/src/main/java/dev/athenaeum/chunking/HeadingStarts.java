package dev.athenaeum.chunking;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

import java.util.Set;

/**
 * flexmark's heading parser, asked only about lines that can start a heading: {@code #}, or a setext underline of
 * {@code =} or {@code -}. flexmark's own is asked about every line that does not start with a letter, and first
 * copies the whole paragraph above it, so a paragraph of many such lines took quadratic time: a 5 MB table (a
 * paragraph until the tables extension reads it) took 25 s to parse instead of 0.2 ({@code bench/large-files.sh}).
 * The same headings come out.
 */
public final class HeadingStarts implements CustomBlockParserFactory {

    private final HeadingParser.Factory headings = new HeadingParser.Factory();

    /** A parser builder for {@code options} with this in place of flexmark's heading parser. */
    public static Parser.Builder parserBuilder(MutableDataSet options) {
        options.set(Parser.HEADING_PARSER, false);
        return Parser.builder(options).customBlockParserFactory(new HeadingStarts());
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory factory = headings.apply(options);
        return (state, matched) -> {
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            char first = at < line.length() ? line.charAt(at) : '\n';
            return first == '#' || first == '=' || first == '-' ? factory.tryStart(state, matched) : BlockStart.none();
        };
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return headings.getLeadInHandler(options);
    }

    // In the same place among the block parsers as flexmark's own: before thematic breaks and lists, so that "---"
    // under a paragraph still makes a heading.
    @Override
    public Set<Class<?>> getAfterDependents() {
        return headings.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return headings.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return headings.affectsGlobalScope();
    }
}
