package dev.athenaeum.index;

import io.github.jbellis.jvector.disk.RandomAccessReader;
import io.github.jbellis.jvector.disk.ReaderSupplier;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a vector segment with positional reads through a small buffer instead of mapping it into memory. Pages
 * read this way stay in the operating system's file cache, shared and reclaimable, but are not part of the
 * process's resident memory, which a server's memory limit (a container, a Lambda function) counts. A graph
 * node's record (vector and neighbours, under 2 KB for 384 dimensions) takes one read. Big-endian, as jvector
 * writes.
 */
final class PositionalReader implements RandomAccessReader {

    static final int BUFFER_BYTES = 8192;

    private final FileChannel channel;
    private final long length;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.BIG_ENDIAN);
    /** File position of {@code buffer}'s first byte; the buffer holds [start, start + limit). */
    private long start;
    private long position;

    private PositionalReader(FileChannel channel, long length) {
        this.channel = channel;
        this.length = length;
        buffer.limit(0);
    }

    /** One shared channel (positional reads are safe from many threads); a reader per search. */
    static ReaderSupplier supplier(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long length = channel.size();
        return new ReaderSupplier() {
            @Override
            public RandomAccessReader get() {
                return new PositionalReader(channel, length);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public void seek(long offset) {
        position = offset;
    }

    @Override
    public long getPosition() {
        return position;
    }

    @Override
    public int readInt() throws IOException {
        return fill(Integer.BYTES).getInt(advance(Integer.BYTES));
    }

    @Override
    public float readFloat() throws IOException {
        return fill(Float.BYTES).getFloat(advance(Float.BYTES));
    }

    @Override
    public long readLong() throws IOException {
        return fill(Long.BYTES).getLong(advance(Long.BYTES));
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
        readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(ByteBuffer target) throws IOException {
        while (target.hasRemaining()) {
            int n = Math.min(target.remaining(), BUFFER_BYTES);
            fill(n);
            target.put(target.position(), buffer, (int) (position - start), n);
            target.position(target.position() + n);
            position += n;
        }
    }

    @Override
    public void readFully(long[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            values[i] = readLong();
        }
    }

    @Override
    public void read(int[] values, int offset, int count) throws IOException {
        int i = 0;
        while (i < count) {
            int n = Math.min(count - i, BUFFER_BYTES / Integer.BYTES);
            ByteBuffer b = fill(n * Integer.BYTES);
            b.position((int) (position - start));
            b.asIntBuffer().get(values, offset + i, n);
            position += (long) n * Integer.BYTES;
            i += n;
        }
    }

    @Override
    public void read(float[] values, int offset, int count) throws IOException {
        int i = 0;
        while (i < count) {
            int n = Math.min(count - i, BUFFER_BYTES / Float.BYTES);
            ByteBuffer b = fill(n * Float.BYTES);
            b.position((int) (position - start));
            b.asFloatBuffer().get(values, offset + i, n);
            position += (long) n * Float.BYTES;
            i += n;
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() {
        // The channel belongs to the supplier.
    }

    /** The buffer, holding the {@code n} bytes at {@link #position}; read from the file when it does not yet. */
    private ByteBuffer fill(int n) throws IOException {
        if (position < start || position + n > start + buffer.limit()) {
            if (position + n > length) {
                throw new EOFException("read of " + n + " bytes at " + position + " is past the end (" + length + ")");
            }
            buffer.clear();
            long at = position;
            while (buffer.position() < n) {
                int read = channel.read(buffer, at + buffer.position());
                if (read < 0) {
                    throw new EOFException("end of file at " + (at + buffer.position()));
                }
            }
            buffer.flip();
            start = at;
        }
        return buffer;
    }

    /** The buffer index of {@link #position}, which then moves on by {@code n} bytes. */
    private int advance(int n) {
        int index = (int) (position - start);
        position += n;
        return index;
    }
}
