package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * The memory one thread parses chunks in, kept from one chunk to the next: the array the chunk
 * is read into, the event tally and the index of the constant pools. Fresh ones per chunk would
 * be tens of megabytes that live as long as the chunk is parsed, long enough to be promoted to
 * the old generation, where they pile up until a full collection: memory would grow with the
 * number of chunks. A workspace serves one chunk at a time; the {@link ParsedChunk} a parse gives
 * is valid until the workspace parses the next.
 */
public final class Workspace {
    /** The chunk's bytes: null until a chunk is read, then at least as large as the largest read. */
    byte[] bytes;
    final Tally tally = new Tally();
    /** Constant pool indexes by type index, kept for the next chunk; null where none was needed yet. */
    private LongIntMap[] pools = new LongIntMap[0];

    /** A workspace whose array is made when the first chunk is read, as large as that chunk. */
    public Workspace() {}

    /**
     * A workspace whose array is made now for chunks of up to {@code largest} bytes, the largest
     * chunk of the recording: made once, it leaves no smaller array behind as garbage each time a
     * chunk is larger than the ones before. Chunks too large to be read leave it unmade.
     */
    public Workspace(long largest) {
        if (largest > 0 && largest <= JfrChunkParser.MAX_CHUNK) {
            bytes = new byte[(int) largest];
        }
    }

    /** An empty map for the constant pool of type index {@code type}, of about {@code expected} keys. */
    LongIntMap pool(int type, int expected) {
        if (type >= pools.length) {
            pools = Arrays.copyOf(pools, Math.max(type + 1, pools.length * 2));
        }
        LongIntMap map = pools[type];
        if (map == null) {
            map = new LongIntMap(expected);
            pools[type] = map;
        } else {
            map.clear();
        }
        return map;
    }
}
