package dev.athenaeum.chunking;

/**
 * The smallest piece the packer moves: a whole block, or a sentence / line run of a block too large for one chunk.
 * Offsets are into the document text.
 *
 * @param reusable whether the piece may be repeated at the start of the next chunk as overlap (prose only: repeating
 *                 part of a code block or table would split it)
 */
record Unit(int start, int end, int tokens, boolean reusable, boolean heading) {
}
