package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prof2calltree.read.BadInputException;
import prof2calltree.read.Warnings;

/** The chunk header parser and walker, on hand-made bytes. */
class ChunkScannerTest {
    @TempDir
    Path dir;

    /** A chunk of {@code size} bytes (at least a header) whose header claims {@code claimedSize}. */
    static byte[] chunk(int size, long claimedSize, long metadataOffset) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, ChunkHeader.SIZE));
        b.putInt(ChunkHeader.MAGIC).putShort((short) 2).putShort((short) 1).putLong(claimedSize)
                .putLong(metadataOffset == 0 ? 0 : 70).putLong(metadataOffset)
                .putLong(1_700_000_000_000_000_000L).putLong(5_000_000_000L).putLong(123).putLong(1_000_000_000L)
                .putInt(0x01);
        byte[] bytes = b.array();
        return size < ChunkHeader.SIZE ? java.util.Arrays.copyOf(bytes, size) : bytes;
    }

    static byte[] whole(int size) {
        return chunk(size, size, 80);
    }

    private ChunkScanner.Chunks scan(byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        Path file = dir.resolve("x.jfr");
        Files.write(file, out.toByteArray());
        try (FileChannel ch = FileChannel.open(file)) {
            return ChunkScanner.scan(ch);
        }
    }

    @Test
    void parsesEveryHeaderField() {
        ChunkHeader h = ChunkHeader.parse(ByteBuffer.wrap(whole(100)), 42);
        assertEquals(new ChunkHeader(42, 2, 1, 100, 70, 80, 1_700_000_000_000_000_000L, 5_000_000_000L, 123,
                1_000_000_000L, 1), h);
        assertNull(h.incompleteBecause(142));
        assertNull(h.corruptBecause());
    }

    @Test
    void walksChunkAfterChunk() throws Exception {
        ChunkScanner.Chunks c = scan(whole(100), whole(200), whole(68 + 40));
        assertEquals(List.of(0L, 100L, 300L), c.complete().stream().map(ChunkHeader::offset).toList());
        assertEquals(-1, c.incompleteOffset());
    }

    @Test
    void stopsAtAChunkThatRunsPastTheEnd() throws Exception {
        ChunkScanner.Chunks c = scan(whole(100), chunk(150, 400, 80));
        assertEquals(1, c.complete().size());
        assertEquals(100, c.incompleteOffset());
        assertTrue(c.incompleteReason().contains("runs past the end"), c.incompleteReason());
    }

    @Test
    void stopsAtAChunkWithoutMetadata() throws Exception {
        ChunkScanner.Chunks c = scan(whole(100), chunk(100, 100, 0));
        assertEquals(1, c.complete().size());
        assertEquals(100, c.incompleteOffset());
        assertTrue(c.incompleteReason().contains("no metadata"), c.incompleteReason());
    }

    @Test
    void stopsAtAChunkSmallerThanAHeader() throws Exception {
        ChunkScanner.Chunks c = scan(whole(100), chunk(100, 67, 80));
        assertEquals(100, c.incompleteOffset());
        assertTrue(c.incompleteReason().contains("smaller than a chunk header"), c.incompleteReason());
        assertEquals(0, scan(chunk(100, 0, 80)).incompleteOffset(), "size 0: a chunk still being written");
    }

    @Test
    void stopsAtAHeaderCutShort() throws Exception {
        assertEquals(100, scan(whole(100), chunk(30, 100, 80)).incompleteOffset());
        assertEquals(100, scan(whole(100), new byte[] {'F', 'L'}).incompleteOffset());
    }

    @Test
    void rejectsBadMagicNamingItsOffset() {
        byte[] bad = whole(100);
        bad[0] = 'X';
        BadInputException first = assertThrows(BadInputException.class, () -> scan(bad));
        assertTrue(first.getMessage().startsWith("offset 0: not a JFR chunk (it starts with 584c5200"), first.getMessage());
        BadInputException second = assertThrows(BadInputException.class, () -> scan(whole(100), bad));
        assertTrue(second.getMessage().startsWith("offset 100: "), second.getMessage());
    }

    @Test
    void rejectsAMetadataOffsetOutsideTheChunk() {
        BadInputException e = assertThrows(BadInputException.class, () -> scan(chunk(100, 100, 500)));
        assertEquals("offset 0: corrupt chunk header: metadata offset 500 lies outside the chunk (size 100)",
                e.getMessage());
    }

    @Test
    void aFileWithNoCompleteChunkIsBadInput() throws Exception {
        Path file = dir.resolve("cut.jfr");
        Files.write(file, chunk(100, 5000, 80));
        BadInputException e = assertThrows(BadInputException.class,
                () -> new JfrReader().read(file, Warnings.IGNORE));
        assertTrue(e.getMessage().startsWith("offset 0: no complete chunk (its size (5000) runs past the end of the"
                + " file)"), e.getMessage());
    }
}
