package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Random access to the chunks of {@code chunks.bin}, memory-mapped; see {@link ChunkStoreWriter} for the layout. */
public final class ChunkStore {

    private final MappedByteBuffer buffer;
    private final int count;
    private final int tableStart;
    private final List<String> fileNames;

    private ChunkStore(MappedByteBuffer buffer, int count, int tableStart, List<String> fileNames) {
        this.buffer = buffer;
        this.count = count;
        this.tableStart = tableStart;
        this.fileNames = fileNames;
    }

    static ChunkStore open(Path file, List<String> fileNames) throws IOException {
        MappedByteBuffer buf = BinaryFormat.mapAndCheck(file, ChunkStoreWriter.MAGIC, ChunkStoreWriter.VERSION);
        int count = buf.getInt();
        long tableStart = buf.getLong();
        if (count < 0 || tableStart + 8L * count != buf.capacity()) {
            throw new IndexFormatException(file + " is damaged: its chunk table does not match its size");
        }
        return new ChunkStore(buf, count, (int) tableStart, fileNames);
    }

    public int size() {
        return count;
    }

    public StoredChunk get(int id) {
        if (id < 0 || id >= count) {
            throw new IndexOutOfBoundsException("chunk " + id + " of " + count);
        }
        ByteBuffer b = buffer.duplicate().order(buffer.order());
        b.position((int) buffer.getLong(tableStart + 8 * id));
        int fileIndex = b.getInt();
        int startLine = b.getInt();
        int endLine = b.getInt();
        int tokens = b.getInt();
        int firstWindow = b.getInt();
        int windowCount = b.getInt();
        int headingCount = b.getInt();
        List<String> headings = new ArrayList<>(headingCount);
        for (int i = 0; i < headingCount; i++) {
            headings.add(readString(b));
        }
        String text = readString(b);
        Chunk chunk = new Chunk(fileNames.get(fileIndex), headings, startLine, endLine, text, tokens);
        return new StoredChunk(id, fileIndex, chunk, firstWindow, windowCount);
    }

    /** The file index of a chunk, without decoding its text. */
    public int fileIndexOf(int id) {
        return buffer.getInt((int) buffer.getLong(tableStart + 8 * id));
    }

    private static String readString(ByteBuffer b) {
        int len = b.getInt();
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
