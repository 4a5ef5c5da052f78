package dev.athenaeum.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Shared header handling of the index's binary files: an 8-byte magic and a format version, little-endian. */
final class BinaryFormat {

    private BinaryFormat() {
    }

    static byte[] magic(String eightChars) {
        byte[] b = eightChars.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 8) {
            throw new IllegalArgumentException("magic must be 8 bytes");
        }
        return b;
    }

    /** Maps a whole file read-only and checks its magic and version; the buffer is positioned after the header. */
    static MappedByteBuffer mapAndCheck(Path file, byte[] magic, int maxVersion) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new IndexFormatException(file.getFileName() + " is larger than 2 GB, which this format does not support");
            }
            if (size < 12) {
                throw new IndexFormatException(file + " is truncated");
            }
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            buf.order(ByteOrder.LITTLE_ENDIAN);
            byte[] found = new byte[8];
            buf.get(found);
            if (!java.util.Arrays.equals(found, magic)) {
                throw new IndexFormatException(file + " is not an Athenaeum " + new String(magic, StandardCharsets.US_ASCII).trim() + " file");
            }
            int version = buf.getInt();
            if (version < 1 || version > maxVersion) {
                throw new IndexFormatException(file + " has format version " + version + "; this Athenaeum reads up to " + maxVersion);
            }
            return buf;
        }
    }

    static ByteBuffer header(byte[] magic, int version) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic).putInt(version).flip();
        return b;
    }
}
