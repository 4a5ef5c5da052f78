package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;

/** A chunk as the index keeps it: its id, its file's position in the manifest and its embedding windows. */
public record StoredChunk(int id, int fileIndex, Chunk chunk, int firstWindow, int windowCount) {
}
