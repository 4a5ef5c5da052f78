package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code chunks.bin}: header, chunk count, then the records; the offset table goes at the end so records
 * stream out without being held in memory.
 *
 * <pre>
 * magic "ATHCHNK1" | int version | int count | long offsetTableStart
 * record*: int fileIndex | int startLine | int endLine | int tokens | int firstWindow | int windowCount
 *          | int headingCount | (int len, utf8)* | int textLen | utf8
 * long[count] record offsets
 * </pre>
 * All integers little-endian.
 */
final class ChunkStoreWriter implements AutoCloseable {

    static final byte[] MAGIC = BinaryFormat.magic("ATHCHNK1");
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8 + 4 + 4 + 8;

    private final Path file;
    private final OutputStream out;
    private final ByteBuffer scratch = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    private long[] offsets = new long[1024];
    private int count;
    private long position;

    ChunkStoreWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(new byte[HEADER_BYTES]);
        position = HEADER_BYTES;
    }

    void add(int fileIndex, Chunk chunk, int firstWindow, int windowCount) throws IOException {
        if (count == offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = position;
        writeInts(fileIndex, chunk.startLine(), chunk.endLine(), chunk.tokens(), firstWindow, windowCount, chunk.headings().size());
        for (String h : chunk.headings()) {
            writeBytes(h.getBytes(StandardCharsets.UTF_8));
        }
        writeBytes(chunk.text().getBytes(StandardCharsets.UTF_8));
    }

    int count() {
        return count;
    }

    private void writeInts(int... values) throws IOException {
        scratch.clear();
        for (int v : values) {
            scratch.putInt(v);
        }
        out.write(scratch.array(), 0, scratch.position());
        position += scratch.position();
    }

    private void writeBytes(byte[] bytes) throws IOException {
        writeInts(bytes.length);
        out.write(bytes);
        position += bytes.length;
    }

    @Override
    public void close() throws IOException {
        long tableStart = position;
        ByteBuffer table = ByteBuffer.allocate(8 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            table.putLong(offsets[i]);
        }
        out.write(table.array());
        out.close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(VERSION).putInt(count).putLong(tableStart).flip();
            ch.write(head, 0);
        }
    }
}
