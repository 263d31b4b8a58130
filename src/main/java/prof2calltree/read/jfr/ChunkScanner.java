package prof2calltree.read.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import prof2calltree.read.BadInputException;

/**
 * Finds the chunks of a recording by walking their headers, and copies one chunk into a file of
 * its own. The JDK's reader misreads a file that holds several recordings ({@code cat a.jfr b.jfr}):
 * each recording numbers its metadata from 1, and the reader keeps the first chunk's. A chunk
 * read on its own is always read right.
 */
final class ChunkScanner {
    /**
     * The chunks found.
     *
     * @param complete the whole chunks, in file order
     * @param incompleteOffset where the first incomplete chunk starts; -1 if there is none
     * @param incompleteReason why that chunk is incomplete; null if there is none
     */
    record Chunks(List<ChunkHeader> complete, long incompleteOffset, String incompleteReason) {}

    private ChunkScanner() {}

    /**
     * Walks the chunk headers of {@code channel} from offset 0. Stops at the first incomplete
     * chunk (a cut file, or a recording still being written): nothing after it can be located.
     *
     * @throws BadInputException if a chunk does not start with the magic, or its header is corrupt
     */
    static Chunks scan(FileChannel channel) throws IOException, BadInputException {
        long fileSize = channel.size();
        List<ChunkHeader> complete = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(ChunkHeader.SIZE);
        long offset = 0;
        while (offset < fileSize) {
            buffer.clear();
            readFully(channel, buffer, offset);
            buffer.flip();
            if (!ChunkHeader.hasMagic(buffer)) {
                if (buffer.remaining() < 4) {
                    return new Chunks(complete, offset, "it is " + buffer.remaining() + " bytes long");
                }
                throw new BadInputException("offset " + offset + ": not a JFR chunk (it starts with "
                        + hex(buffer) + ", a chunk with 464c5200)");
            }
            if (buffer.remaining() < ChunkHeader.SIZE) {
                return new Chunks(complete, offset, "its header is cut short");
            }
            ChunkHeader header = ChunkHeader.parse(buffer, offset);
            String incomplete = header.incompleteBecause(fileSize);
            if (incomplete != null) {
                return new Chunks(complete, offset, incomplete);
            }
            String corrupt = header.corruptBecause();
            if (corrupt != null) {
                throw new BadInputException("offset " + offset + ": corrupt chunk header: " + corrupt);
            }
            complete.add(header);
            offset += header.size();
        }
        return new Chunks(complete, -1, null);
    }

    /** Copies the chunk described by {@code header} from {@code source} into a new file {@code target}. */
    static void copy(FileChannel source, ChunkHeader header, Path target) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < header.size()) {
                long n = source.transferTo(header.offset() + done, header.size() - done, out);
                if (n <= 0) {
                    throw new IOException("offset " + (header.offset() + done) + ": the file shrank while being read");
                }
                done += n;
            }
        }
    }

    /** Reads from {@code offset} until {@code buffer} is full or the file ends. */
    private static void readFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, offset + buffer.position());
            if (n < 0) {
                return;
            }
        }
    }

    private static String hex(ByteBuffer buffer) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", buffer.get(i) & 0xff));
        }
        return sb.toString();
    }
}
