package prof2calltree.read.jfr.parse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.read.BadInputException;

/**
 * Parses one chunk of a JFR recording on its own, without the JDK's reader: its metadata, an
 * index of its constant pools, then one pass over its events that sums the wanted ones by stack
 * trace and thread ({@link ChunkQuery}). Stack traces, methods and thread names are decoded once
 * per distinct one, when the result is visited ({@link ParsedChunk#visitStacks}).
 *
 * <p>Everything the format leaves open is read from the chunk's metadata (field order and types
 * differ between JDK versions and async-profiler); where the JDK's reader gives a value a meaning
 * (a missing field, a key the pools lack), this parser gives it the same. Integers are always
 * variable-length, as the JDK reads them whatever the header's flag says. Corrupt data throws
 * {@link BadInputException} naming a file offset; sizes and counts are checked against the bytes
 * left before anything is allocated for them. Instances are immutable and may parse chunks on
 * several threads at once.
 */
public final class JfrChunkParser {
    /** The size of a chunk header in bytes. */
    static final int HEADER_SIZE = 68;
    private static final int MAGIC = 0x464c5200;
    /** The largest chunk read, in bytes: it is held in one array. */
    static final long MAX_CHUNK = Integer.MAX_VALUE - 16;

    private final ChunkQuery query;
    private final Map<String, Integer> stacksByName = new HashMap<>();
    private final Map<String, Integer> totalsByName = new HashMap<>();

    public JfrChunkParser(ChunkQuery query) {
        this.query = query;
        for (int i = 0; i < query.stacks().size(); i++) {
            stacksByName.putIfAbsent(query.stacks().get(i).eventName(), i);
        }
        for (int i = 0; i < query.totals().size(); i++) {
            totalsByName.putIfAbsent(query.totals().get(i).eventName(), i);
        }
    }

    /**
     * Parses the chunk of {@code size} bytes that starts at {@code offset} in {@code file}, in
     * {@code space}: the result is valid until {@code space} parses another chunk.
     *
     * @throws BadInputException if the chunk is corrupt, or too large to be held in memory
     */
    public ParsedChunk parse(FileChannel file, long offset, long size, Workspace space)
            throws IOException, BadInputException {
        if (size < HEADER_SIZE || size > MAX_CHUNK) {
            throw new BadInputException("offset " + offset + ": a chunk of " + size + " bytes; this parser reads chunks"
                    + " of " + HEADER_SIZE + " bytes to 2 GB (-Dprof2calltree.jfr.parser=jdk reads larger ones)");
        }
        ChunkBytes in = ChunkBytes.read(file, offset, (int) size, space.bytes);
        space.bytes = in.array();
        return parse(in, space);
    }

    /** Parses the chunk held in {@code bytes}, which starts at file offset {@code offset}. */
    public ParsedChunk parse(byte[] bytes, long offset) throws BadInputException {
        if (bytes.length < HEADER_SIZE) {
            throw new BadInputException("offset " + offset + ": a chunk of " + bytes.length + " bytes is too short");
        }
        return parse(new ChunkBytes(bytes, offset), new Workspace());
    }

    private ParsedChunk parse(ChunkBytes in, Workspace space) throws BadInputException {
        try {
            return read(in, space);
        } catch (CorruptChunkException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private ParsedChunk read(ChunkBytes in, Workspace space) {
        if (in.readRawInt() != MAGIC) {
            throw in.corrupt(0, "not a chunk: it does not start with FLR\\0");
        }
        in.seek(16);
        long constantPools = in.readRawLong();
        long metadataOffset = in.readRawLong();
        long startNanos = in.readRawLong();
        in.readRawLong(); // duration
        long startTicks = in.readRawLong();
        long ticksPerSecond = in.readRawLong();
        if (metadataOffset < HEADER_SIZE || metadataOffset >= in.size()) {
            throw in.corrupt(24, "the metadata offset " + metadataOffset + " lies outside the chunk");
        }
        Metadata metadata = Metadata.read(in, metadataOffset);
        ConstantPools pools = ConstantPools.read(in, metadata, constantPools, space);
        List<TypeDef> types = metadata.types();
        TypeDef trace = stackTraceType(types);
        EventProgram[] programs = new EventProgram[types.size()];
        for (TypeDef t : types) {
            Integer s = t.isEvent() ? stacksByName.get(t.name) : null;
            Integer total = t.isEvent() && s == null ? totalsByName.get(t.name) : null;
            if (s != null) {
                programs[t.index] = EventProgram.forStacks(s, query.stacks().get(s), t, trace);
            } else if (total != null) {
                programs[t.index] = EventProgram.forTotal(total, query.totals().get(total), t);
            }
        }
        ConstantReader reader = new ConstantReader(in, pools);
        ThreadTable threads = new ThreadTable(reader, types.size());
        EventScan scan = new EventScan(in, query, pools, threads, trace, types.size(), startNanos, startTicks,
                ticksPerSecond, space.tally);
        scan.run(HEADER_SIZE, new TypeIndex(types), programs);
        return new ParsedChunk(in, metadata, programs, scan, reader, threads, trace);
    }

    /**
     * The chunk's stack trace type: that of the {@code stackTrace} field of the first wanted event
     * type that has one naming a pool of {@code jdk.types.StackTrace}; null if none does.
     */
    private TypeDef stackTraceType(List<TypeDef> types) {
        for (TypeDef t : types) {
            int f = t.isEvent() && stacksByName.containsKey(t.name) ? t.field("stackTrace") : -1;
            if (f >= 0 && t.fields[f].type().named("jdk.types.StackTrace") && t.fields[f].constantPool()) {
                return t.fields[f].type();
            }
        }
        return null;
    }
}
