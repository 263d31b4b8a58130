package prof2calltree.read.jfr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 68-byte big-endian header that starts every chunk of a recording.
 *
 * @param offset where the chunk starts in the file, in bytes
 * @param major format major version (2 for JDK 11 and later; 1 for JDK 9 and 10)
 * @param minor format minor version
 * @param size the chunk's size in bytes, header included; the next chunk starts at offset + size
 * @param constantPoolOffset offset of the last constant pool in the chunk, from the chunk's start
 * @param metadataOffset offset of the metadata event, from the chunk's start; 0 while the chunk
 *     is still being written
 * @param startNanos when the chunk started, in nanoseconds since the epoch
 * @param durationNanos how long the chunk lasted, in nanoseconds
 * @param startTicks the chunk's start in ticks of the recording's clock
 * @param ticksPerSecond the frequency of that clock
 * @param flags the last four bytes: file state (byte 64) and feature flags (byte 67, bit 0:
 *     compressed integers)
 */
record ChunkHeader(long offset, int major, int minor, long size, long constantPoolOffset, long metadataOffset,
        long startNanos, long durationNanos, long startTicks, long ticksPerSecond, int flags) {

    /** The size of a chunk header in bytes. */
    static final int SIZE = 68;

    /** The magic bytes every chunk starts with: "FLR\0". */
    static final int MAGIC = 0x464c5200;

    /**
     * Parses a header from the next {@link #SIZE} bytes of {@code bytes}, which must hold them
     * and start with {@link #MAGIC} (see {@link #hasMagic}).
     */
    static ChunkHeader parse(ByteBuffer bytes, long offset) {
        ByteBuffer b = bytes.slice().order(ByteOrder.BIG_ENDIAN);
        if (b.remaining() < SIZE || b.getInt(0) != MAGIC) {
            throw new IllegalArgumentException("not a chunk header");
        }
        return new ChunkHeader(offset, b.getShort(4) & 0xffff, b.getShort(6) & 0xffff, b.getLong(8),
                b.getLong(16), b.getLong(24), b.getLong(32), b.getLong(40), b.getLong(48), b.getLong(56),
                b.getInt(64));
    }

    /** Whether {@code bytes} starts with the chunk magic (false if it holds fewer than 4 bytes). */
    static boolean hasMagic(ByteBuffer bytes) {
        return bytes.remaining() >= 4 && bytes.slice().order(ByteOrder.BIG_ENDIAN).getInt(0) == MAGIC;
    }

    /**
     * Why this chunk cannot be read in a file of {@code fileSize} bytes, or null if it is whole:
     * its size is too small or runs past the end, or its metadata was never written.
     */
    String incompleteBecause(long fileSize) {
        if (size < SIZE) {
            return "its size (" + size + ") is smaller than a chunk header";
        }
        if (size > fileSize - offset) {
            return "its size (" + size + ") runs past the end of the file";
        }
        if (metadataOffset == 0) {
            return "it has no metadata yet";
        }
        return null;
    }

    /** Why this whole chunk's header is corrupt (offsets outside the chunk), or null if it looks sound. */
    String corruptBecause() {
        if (metadataOffset < SIZE || metadataOffset >= size) {
            return "metadata offset " + metadataOffset + " lies outside the chunk (size " + size + ")";
        }
        if (constantPoolOffset != 0 && (constantPoolOffset < SIZE || constantPoolOffset >= size)) {
            return "constant pool offset " + constantPoolOffset + " lies outside the chunk (size " + size + ")";
        }
        return null;
    }
}
