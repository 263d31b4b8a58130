package prof2calltree.read.jfr.parse;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one chunk, held in an array, with a read position and the primitive reads of the
 * JFR format: big-endian raw values and variable-length integers (7 bits a byte, low bits first,
 * the ninth byte whole). Every read is checked against the chunk's end, so corrupt data fails
 * with a {@link CorruptChunkException} naming its file offset, never with an index out of bounds.
 */
final class ChunkBytes {
    /** How much of the file one read asks for. */
    private static final int READ_SIZE = 1 << 20;
    /** The longest a variable-length integer can be, in bytes. */
    private static final int MAX_VARINT = 9;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    /** Where {@code bytes[0]} lies in the file, for messages. */
    private final long fileOffset;
    private final int limit;
    /** The read position, an index into the chunk. */
    int pos;

    ChunkBytes(byte[] bytes, long fileOffset) {
        this(bytes, bytes.length, fileOffset);
    }

    /** The first {@code length} bytes of {@code bytes}. */
    private ChunkBytes(byte[] bytes, int length, long fileOffset) {
        this.bytes = bytes;
        this.fileOffset = fileOffset;
        this.limit = length;
    }

    /**
     * Reads {@code size} bytes of {@code file} from {@code offset} into {@code into} if it is large
     * enough, else into a new array. Reads a megabyte at a time: the JDK copies reads into a heap
     * array through a temporary direct buffer as large as the read, which it then keeps for the thread.
     */
    static ChunkBytes read(FileChannel file, long offset, int size, byte[] into) throws IOException {
        byte[] bytes = into != null && into.length >= size ? into : new byte[size];
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, size);
        while (buffer.hasRemaining()) {
            buffer.limit(Math.min(size, buffer.position() + READ_SIZE));
            if (file.read(buffer, offset + buffer.position()) < 0) {
                throw new EOFException("offset " + (offset + buffer.position()) + ": the file shrank while being read");
            }
            buffer.limit(size);
        }
        return new ChunkBytes(bytes, size, offset);
    }

    /** The array the bytes are held in, for reuse once the chunk is done with. */
    byte[] array() {
        return bytes;
    }

    /** The chunk's size in bytes. */
    int size() {
        return limit;
    }

    /** An exception for corrupt data found at chunk position {@code at}. */
    CorruptChunkException corrupt(int at, String message) {
        return new CorruptChunkException("offset " + (fileOffset + at) + ": " + message);
    }

    /** Fails unless at least {@code n} bytes are left (so that n items of at least a byte each fit). */
    void require(long n, String what) {
        if (n < 0 || n > limit - pos) {
            throw corrupt(pos, what + " " + n + " exceeds the " + (limit - pos) + " bytes left in the chunk");
        }
    }

    /** Moves the read position to {@code position}, which must lie within the chunk. */
    void seek(long position) {
        if (position < 0 || position > limit) {
            throw corrupt(pos, "position " + position + " lies outside the chunk (size " + limit + ")");
        }
        pos = (int) position;
    }

    byte readByte() {
        if (pos >= limit) {
            throw corrupt(pos, "unexpected end of chunk");
        }
        return bytes[pos++];
    }

    /** A variable-length integer as a long. */
    long readVarLong() {
        int p = pos;
        byte[] b = bytes;
        if (limit - p < MAX_VARINT) {
            return readVarLongNearEnd();
        }
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte x = b[p++];
            result |= (x & 0x7fL) << shift;
            if (x >= 0) {
                pos = p;
                return result;
            }
        }
        result |= (b[p++] & 0xffL) << 56;
        pos = p;
        return result;
    }

    private long readVarLongNearEnd() {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte x = readByte();
            result |= (x & 0x7fL) << shift;
            if (x >= 0) {
                return result;
            }
        }
        return result | (readByte() & 0xffL) << 56;
    }

    /** A variable-length integer cut to an int, as the JDK reads int, short and char fields. */
    int readVarInt() {
        return (int) readVarLong();
    }

    /**
     * Skips {@code n} variable-length integers. Stack-trace pools are nearly all integers skipped
     * this way, so it counts the integers' last bytes (high bit clear) eight bytes at a time. A run
     * of eight bytes with the high bit set means a nine-byte integer may be near, whose last byte
     * can have its high bit set: from there on it goes byte by byte.
     */
    void skipVarLongs(long n) {
        int p = pos;
        byte[] b = bytes;
        long left = n;
        int run = 0; // high-bit bytes that ended the previous word
        while (left > 0 && limit - p >= 8) {
            long ends = ~(long) LONGS.get(b, p) & 0x8080808080808080L;
            if (ends == 0 || run + (Long.numberOfTrailingZeros(ends) >>> 3) >= MAX_VARINT - 1) {
                break;
            }
            int count = Long.bitCount(ends);
            if (count >= left) {
                for (long i = 1; i < left; i++) {
                    ends &= ends - 1;
                }
                pos = p + (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
                return;
            }
            left -= count;
            run = Long.numberOfLeadingZeros(ends) >>> 3;
            p += 8;
        }
        // Back up to the start of the integer the word loop was in, and go on byte by byte.
        p -= run;
        if (left <= (limit - p) / MAX_VARINT) {
            for (long i = 0; i < left; i++) {
                int end = p + MAX_VARINT - 1;
                while (p < end && b[p] < 0) {
                    p++;
                }
                p++;
            }
            pos = p;
            return;
        }
        pos = p;
        for (long i = 0; i < left; i++) {
            readVarLongNearEnd();
        }
    }

    /** Skips {@code n} bytes. */
    void skip(long n) {
        require(n, "a run of");
        pos += (int) n;
    }

    int readRawInt() {
        require(4, "an int of");
        int p = pos;
        pos = p + 4;
        return (bytes[p] << 24) | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8 | (bytes[p + 3] & 0xff);
    }

    long readRawLong() {
        return ((long) readRawInt() << 32) | (readRawInt() & 0xffffffffL);
    }

    /** Decodes {@code n} bytes at the read position with {@code latin1} or UTF-8. */
    String readString(int n, boolean latin1) {
        require(n, "a string of");
        String s = new String(bytes, pos, n, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        pos += n;
        return s;
    }
}
