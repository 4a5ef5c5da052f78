package dev.athenaeum.embedding;

import java.util.Map;

/**
 * Word pieces to ids, looked up by a range of characters without making a string of it. Tokenizing asks for every
 * word of a corpus (and for the pieces of every word that is none) three times in a build; with a {@code HashMap}
 * each question cost a new string and a walk to a key elsewhere on the heap, and was nearly half of tokenizing.
 * Keys sit side by side in one array, found by open addressing.
 */
final class PieceTable {

    private final char[] chars;
    /** Per slot: where its key starts in {@link #chars}, its length, hash and id; length 0 marks an empty slot. */
    private final int[] starts;
    private final int[] lengths;
    private final int[] hashes;
    private final int[] ids;
    private final int mask;
    private final int longest;

    PieceTable(Map<String, Integer> pieces) {
        int capacity = Integer.highestOneBit(Math.max(4, pieces.size() * 2 - 1)) << 1;
        mask = capacity - 1;
        starts = new int[capacity];
        lengths = new int[capacity];
        hashes = new int[capacity];
        ids = new int[capacity];
        chars = new char[pieces.keySet().stream().mapToInt(String::length).sum()];
        int at = 0;
        int max = 0;
        for (Map.Entry<String, Integer> e : pieces.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty()) {
                continue;
            }
            key.getChars(0, key.length(), chars, at);
            int h = hash(chars, at, at + key.length());
            int slot = h & mask;
            while (lengths[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            starts[slot] = at;
            lengths[slot] = key.length();
            hashes[slot] = h;
            ids[slot] = e.getValue();
            at += key.length();
            max = Math.max(max, key.length());
        }
        longest = max;
    }

    /** The id of the piece spelled by {@code text[from, to)}, or -1. */
    int get(char[] text, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > longest) {
            return -1;
        }
        int h = hash(text, from, to);
        for (int slot = h & mask; lengths[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && lengths[slot] == length && same(text, from, starts[slot], length)) {
                return ids[slot];
            }
        }
        return -1;
    }

    /** Characters in the longest piece: no longer range can match. */
    int longest() {
        return longest;
    }

    private boolean same(char[] text, int from, int start, int length) {
        for (int k = 0; k < length; k++) {
            if (text[from + k] != chars[start + k]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        // Spread the high bits down: the table is indexed by the low ones.
        return h ^ (h >>> 16);
    }
}
