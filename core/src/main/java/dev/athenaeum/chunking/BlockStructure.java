package dev.athenaeum.chunking;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CharacterNodeFactory;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Markdown parsed into its blocks (headings, paragraphs, lists, code, tables, link reference definitions), which is
 * all chunking reads. The inline parse of every paragraph and heading (links, emphasis, code spans) took about a
 * third of parsing time, and its nodes were never looked at.
 */
final class BlockStructure {

    private BlockStructure() {
    }

    /** A parser for block structure with tables; thread-safe like any flexmark parser. */
    static Parser parser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        // flexmark registers its own pre-processor for link reference definitions only with its default inline
        // parser, so it is named here; without it a run of definitions would be left as a paragraph.
        return HeadingStarts.parserBuilder(options)
                .customInlineParserFactory(BlocksOnly::new)
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
                .build();
    }

    /**
     * flexmark's inline parser, skipping the inline content of blocks. Custom parses go through as before: the
     * tables extension finds a table's cells with one (which calls back into {@link #parse}).
     */
    private static final class BlocksOnly extends CommonmarkInlineParser {
        private boolean custom;

        BlocksOnly(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                   Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                   List<InlineParserExtensionFactory> extensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
        }

        @Override
        public List<Node> parseCustom(BasedSequence input, Node node, BitSet characters,
                                      Map<Character, CharacterNodeFactory> factories) {
            custom = true;
            try {
                return super.parseCustom(input, node, characters, factories);
            } finally {
                custom = false;
            }
        }

        @Override
        public void parse(BasedSequence input, Node node) {
            if (custom) {
                super.parse(input, node);
            }
            // Otherwise the inline content stays as the block's text; see the class comment.
        }
    }
}
