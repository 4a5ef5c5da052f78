package dev.athenaeum.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252. */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Decoded(String text, String note) {
    }

    private TextDecoder() {
    }

    /** Empty when the bytes look binary rather than text. */
    static Optional<Decoded> decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return Optional.of(new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), null));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return Optional.of(new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), null));
        }
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        if (looksBinary(bytes, offset)) {
            return Optional.empty();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Optional.of(new Decoded(chars.toString(), null));
        } catch (CharacterCodingException e) {
            // Older notes are often Latin-1 or Windows-1252; reading them that way keeps every character.
            String text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
            return Optional.of(new Decoded(text, "not valid UTF-8; read as Windows-1252 (Latin-1)"));
        }
    }

    /** NUL bytes or many control characters in the first 8 KB mean this is not a text file. */
    private static boolean looksBinary(byte[] bytes, int offset) {
        int end = Math.min(bytes.length, offset + 8192);
        int control = 0;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        int n = end - offset;
        return n > 0 && control * 10 > n;
    }
}
