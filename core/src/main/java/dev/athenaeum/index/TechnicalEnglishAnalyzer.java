package dev.athenaeum.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for documentation: besides stemming and stop words, identifiers are also indexed by their
 * parts ({@code peerDependenciesMeta} → peer, dependencies, meta; {@code package-lock.json} → package, lock, json),
 * because people search for the words, not the spelling.
 *
 * <p>The word-part graph is indexed as it comes, without Lucene's {@code FlattenGraphFilter}: flattening only
 * mends positions for phrase and span queries, and keyword search runs term queries alone, so postings and field
 * lengths come out the same (a test compares both over the npm documentation) while flattening took half of all
 * analysis time.
 */
final class TechnicalEnglishAnalyzer extends Analyzer {

    private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new WordDelimiterGraphFilter(source, WORD_DELIMITER_FLAGS, null);
        result = new EnglishPossessiveFilter(result);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, StopWords.SET);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
