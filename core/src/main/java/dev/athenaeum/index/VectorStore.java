package dev.athenaeum.index;

import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vectors.bin}: one vector per embedding window and the chunk each window belongs to. Kept beside the graph
 * so an update can reuse the vectors of unchanged files instead of embedding them again.
 *
 * <pre>
 * magic "ATHVECT1" | int version | int dimension | int count | int[count] chunk of window | float[count * dimension]
 * </pre>
 */
public final class VectorStore implements RandomAccessVectorValues {

    static final byte[] MAGIC = BinaryFormat.magic("ATHVECT1");
    static final int VERSION = 1;
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final int dimension;
    private final int count;
    private final IntBuffer chunkOf;
    private final FloatBuffer vectors;

    private VectorStore(int dimension, int count, IntBuffer chunkOf, FloatBuffer vectors) {
        this.dimension = dimension;
        this.count = count;
        this.chunkOf = chunkOf;
        this.vectors = vectors;
    }

    static void write(Path file, int dimension, List<float[]> vectors, int[] chunkOfWindow) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(VERSION).putInt(dimension).putInt(vectors.size());
            out.write(head.array());
            ByteBuffer ints = ByteBuffer.allocate(4 * chunkOfWindow.length).order(ByteOrder.LITTLE_ENDIAN);
            ints.asIntBuffer().put(chunkOfWindow);
            out.write(ints.array());
            ByteBuffer row = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] v : vectors) {
                if (v.length != dimension) {
                    throw new IllegalArgumentException("vector of dimension " + v.length + " in an index of dimension " + dimension);
                }
                row.clear();
                row.asFloatBuffer().put(v);
                out.write(row.array());
            }
        }
    }

    static VectorStore open(Path file) throws IOException {
        MappedByteBuffer buf = BinaryFormat.mapAndCheck(file, MAGIC, VERSION);
        int dimension = buf.getInt();
        int count = buf.getInt();
        long expected = 20L + 4L * count + 4L * count * dimension;
        if (dimension <= 0 || count < 0 || expected != buf.capacity()) {
            throw new IndexFormatException(file + " is damaged: its size does not match " + count + " vectors of dimension " + dimension);
        }
        IntBuffer chunkOf = buf.slice(20, 4 * count).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        FloatBuffer vectors = buf.slice(20 + 4 * count, 4 * count * dimension).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        return new VectorStore(dimension, count, chunkOf, vectors);
    }

    public int chunkOf(int window) {
        return chunkOf.get(window);
    }

    public float[] vector(int window) {
        float[] v = new float[dimension];
        vectors.get(window * dimension, v);
        return v;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public VectorFloat<?> getVector(int nodeId) {
        return VTS.createFloatVector(vector(nodeId));
    }

    @Override
    public boolean isValueShared() {
        return false;
    }

    @Override
    public RandomAccessVectorValues copy() {
        return this;
    }
}
