package dev.athenaeum.index;

/**
 * How an open index reads its vectors. Mapping is fastest and suits a desktop; reading keeps the vectors out of
 * the process's resident memory (they stay in the shared file cache), which suits a server under a memory limit.
 */
public enum VectorAccess {
    /** Memory-mapped: every page of vectors a search touched counts in the process's resident memory. */
    MAPPED,
    /** Positional reads through a small buffer per search. */
    READ
}
