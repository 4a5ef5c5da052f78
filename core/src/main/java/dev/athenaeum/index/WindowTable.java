package dev.athenaeum.index;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code windows.bin}: for every embedding window of every vector segment, in segment order, the id of the chunk it
 * belongs to in this generation, or -1 when the window's file changed or went away since the segment was written.
 *
 * <pre>
 * magic "ATHWNDW1" | int version | int count | int[count] chunk id
 * </pre>
 */
final class WindowTable {

    static final byte[] MAGIC = BinaryFormat.magic("ATHWNDW1");
    static final int VERSION = 1;
    static final int DEAD = -1;

    private final IntBuffer owners;
    private final int count;

    private WindowTable(IntBuffer owners, int count) {
        this.owners = owners;
        this.count = count;
    }

    static void write(Path file, int[] owners) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer b = ByteBuffer.allocate(16 + 4 * owners.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put(MAGIC).putInt(VERSION).putInt(owners.length);
            b.asIntBuffer().put(owners);
            out.write(b.array());
        }
    }

    static WindowTable open(Path file) throws IOException {
        MappedByteBuffer buf = BinaryFormat.mapAndCheck(file, MAGIC, VERSION);
        int count = buf.getInt();
        if (count < 0 || 16L + 4L * count != buf.capacity()) {
            throw new IndexFormatException(file + " is damaged: its size does not match " + count + " windows");
        }
        return new WindowTable(buf.slice(16, 4 * count).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer(), count);
    }

    int size() {
        return count;
    }

    int chunkOf(int window) {
        return owners.get(window);
    }
}
