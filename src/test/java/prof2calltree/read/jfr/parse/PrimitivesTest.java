package prof2calltree.read.jfr.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Variable-length integers, the long-keyed map and the order the tally keeps. */
class PrimitivesTest {
    /** Writes {@code v} as the JDK does: 7 bits a byte, low first, the ninth byte whole. */
    static void writeVarLong(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 8; i++) {
            if ((v & ~0x7fL) == 0) {
                out.write((int) v);
                return;
            }
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    @Test
    void variableLengthIntegersOfEveryLengthReadBackAnywhere() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 127L, 128L, 16383L, 16384L, -1L, Long.MIN_VALUE,
                Long.MAX_VALUE, 1L << 55, (1L << 56) - 1, 1L << 56));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            values.add(random.nextLong() >>> random.nextInt(64));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long v : values) {
            writeVarLong(out, v);
        }
        byte[] bytes = out.toByteArray();
        ChunkBytes in = new ChunkBytes(bytes, 1000);
        for (long v : values) {
            assertEquals(v, in.readVarLong());
        }
        assertEquals(bytes.length, in.pos, "the last ones read near the end, byte by byte");
        ChunkBytes skipping = new ChunkBytes(bytes, 1000);
        skipping.skipVarLongs(values.size() - 3);
        assertEquals(values.get(values.size() - 3), skipping.readVarLong());
        skipping.skipVarLongs(2);
        assertEquals(bytes.length, skipping.pos);
        CorruptChunkException e = assertThrows(CorruptChunkException.class, skipping::readVarLong);
        assertEquals("offset " + (1000 + bytes.length) + ": unexpected end of chunk", e.getMessage());
    }

    /**
     * Skipping goes eight bytes at a time; it must land where reading one by one lands, from any
     * start and for any count, across nine-byte integers (whose last byte may have its high bit
     * set) and runs of long ones that straddle words.
     */
    @Test
    void skippingLandsWhereReadingDoesFromEveryStartAndCount() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int kind = random.nextInt(10);
                values.add(kind < 6 ? random.nextInt(300) // short, like frames' lines and ids
                        : kind < 8 ? random.nextLong() >>> random.nextInt(64)
                        : kind < 9 ? -1L - random.nextInt(1000) // nine bytes, last byte's high bit set
                        : (1L << 49) + random.nextInt(1 << 20)); // eight bytes
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Integer> starts = new ArrayList<>();
            for (long v : values) {
                starts.add(out.size());
                writeVarLong(out, v);
            }
            starts.add(out.size());
            byte[] bytes = out.toByteArray();
            for (int from = 0; from < values.size(); from += 1 + random.nextInt(7)) {
                for (int n = 0; from + n <= values.size(); n += 1 + random.nextInt(5)) {
                    ChunkBytes in = new ChunkBytes(bytes, 0);
                    in.pos = starts.get(from);
                    in.skipVarLongs(n);
                    assertEquals((int) starts.get(from + n), in.pos, "trial " + trial + ", from " + from + ", n " + n);
                }
            }
        }
    }

    @Test
    void aVarintCutByTheEndOfTheChunkIsCorrupt() {
        ChunkBytes in = new ChunkBytes(new byte[] {(byte) 0x80, (byte) 0x80}, 0);
        assertThrows(CorruptChunkException.class, in::readVarLong);
        ChunkBytes skip = new ChunkBytes(new byte[] {(byte) 0x80}, 0);
        assertThrows(CorruptChunkException.class, () -> skip.skipVarLongs(1));
        ChunkBytes count = new ChunkBytes(new byte[] {1, 2, 3}, 50);
        CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> count.require(4, "an array length of"));
        assertEquals("offset 50: an array length of 4 exceeds the 3 bytes left in the chunk", e.getMessage());
    }

    @Test
    void theLongMapKeepsEveryKeyThroughGrowth() {
        LongIntMap map = new LongIntMap();
        for (int i = 0; i < 10_000; i++) {
            map.put(i * 0x1_0000_0001L, i);
        }
        map.put(0, -5);
        long sentinel = Long.MIN_VALUE + 0x5eed;
        assertEquals(LongIntMap.MISSING, map.get(sentinel));
        map.put(sentinel, 42);
        assertEquals(10_001, map.size());
        assertEquals(42, map.get(sentinel));
        assertEquals(-5, map.get(0));
        for (int i = 1; i < 10_000; i++) {
            assertEquals(i, map.get(i * 0x1_0000_0001L));
        }
        assertEquals(LongIntMap.MISSING, map.get(7));
    }

    @Test
    void aClearedTallyOrMapIsEmptyAndFillsAsANewOne() {
        Tally tally = new Tally();
        LongIntMap map = new LongIntMap();
        for (int stack = 0; stack < 5000; stack++) {
            tally.add(0, stack, stack % 3, 1);
            map.put(stack, stack);
        }
        map.put(Long.MIN_VALUE + 0x5eed, 1); // the free-slot sentinel, kept aside
        tally.clear();
        map.clear();
        assertEquals(0, tally.groups());
        assertEquals(0, map.size());
        assertEquals(LongIntMap.MISSING, map.get(7));
        assertEquals(LongIntMap.MISSING, map.get(Long.MIN_VALUE + 0x5eed));
        tally.add(1, 7, 2, 5);
        tally.add(1, 7, 2, 5);
        tally.add(1, 3, 2, 1);
        map.put(7, 70);
        assertEquals(2, tally.groups());
        assertEquals(7, tally.stack(tally.head(0)));
        assertEquals(2, tally.events(tally.head(0)));
        assertEquals(10, tally.weight(tally.head(0)));
        assertEquals(-1, tally.next(tally.head(0)));
        assertEquals(1, map.size());
        assertEquals(70, map.get(7));
    }

    @Test
    void theTallyKeepsGroupsAndTheirThreadsInTheOrderFirstSeen() {
        Tally tally = new Tally();
        long[][] events = {{0, 9, 1}, {0, 5, 1}, {0, 9, 2}, {1, 9, 1}, {0, 9, 1}, {0, 5, 3}, {0, 9, 2}};
        for (int round = 0; round < 100; round++) {
            for (long[] e : events) {
                tally.add((int) e[0], e[1], (int) e[2], 10);
            }
        }
        for (int stack = 1000; stack < 3000; stack++) {
            tally.add(2, stack, 0, 1);
        }
        assertEquals(3 + 2000, tally.groups());
        int g = tally.head(0);
        assertEquals(9, tally.stack(g));
        assertEquals(1, tally.thread(g));
        assertEquals(200, tally.events(g));
        assertEquals(2000, tally.weight(g));
        assertEquals(2, tally.thread(tally.next(g)));
        assertEquals(-1, tally.next(tally.next(g)));
        assertEquals(5, tally.stack(tally.head(1)));
        assertEquals(3, tally.thread(tally.next(tally.head(1))));
        assertEquals(1, tally.type(tally.head(2)));
        assertEquals(2999, tally.stack(tally.head(2002)));
    }
}
