package dev.athenaeum.index;

import org.apache.lucene.analysis.CharArraySet;

import java.util.List;

/**
 * Words that carry no topic. Lucene's English list covers articles and prepositions only; people search in
 * questions ("how do I …", "why does my …"), and those words would otherwise match every FAQ heading.
 */
final class StopWords {

    static final CharArraySet SET = new CharArraySet(List.of(
            "a", "about", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "being",
            "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "had", "has", "have", "having",
            "he", "her", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
            "me", "my", "myself", "no", "not", "of", "on", "or", "our", "ours", "please", "shall", "she", "should",
            "so", "some", "such", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
            "those", "to", "us", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
            "whom", "whose", "why", "will", "with", "would", "you", "your", "yours", "yourself"), true);

    private StopWords() {
    }
}
