package dev.athenaeum.chunking;

/** Counts and locates the tokens an embedding model sees, so chunk budgets and windows are in model tokens. */
public interface TextTokenizer {

    /** Number of tokens in {@code text}, without the special tokens the model adds around an input. */
    int count(String text);

    /** Character span of every token of {@code text}, in order. */
    TokenSpans spans(String text);
}
