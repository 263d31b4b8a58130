package prof2calltree.read.jfr.parse;

/**
 * Where the constants of a chunk lie: for each type, the chunk position of each key's value.
 * Values are decoded only when a distinct stack, method or thread is resolved, so a pass over
 * the pools only skips. The pools are the checkpoint events (type id 1) chained from the header's
 * constant pool offset, each naming the previous one by a delta. A key met again further back
 * in the chain takes that older value, as in the JDK, which reads the chain in the same order.
 */
final class ConstantPools {
    /** The checkpoint event's type id. */
    static final long CHECKPOINT = 1;

    /** Positions by key, one map per type index; null where a type has no pool. */
    private final LongIntMap[] positions;

    private ConstantPools(int types) {
        this.positions = new LongIntMap[types];
    }

    /** The position of the value of {@code key} in {@code type}'s pool, or {@link LongIntMap#MISSING}. */
    int position(TypeDef type, long key) {
        LongIntMap map = positions[type.index];
        return map == null ? LongIntMap.MISSING : map.get(key);
    }

    /** Whether {@code type}'s pool holds {@code key}. */
    boolean contains(TypeDef type, long key) {
        return position(type, key) != LongIntMap.MISSING;
    }

    /**
     * Indexes the pools of the chain that ends at chunk position {@code last} (0: the chunk
     * has none), in maps kept by {@code space}.
     */
    static ConstantPools read(ChunkBytes in, Metadata metadata, long last, Workspace space) {
        ConstantPools pools = new ConstantPools(metadata.types().size());
        LongIntMap visited = new LongIntMap();
        long position = last;
        while (position != 0) {
            if (visited.get(position) != LongIntMap.MISSING) {
                throw in.corrupt(in.pos, "the chain of constant pools loops back to offset " + position);
            }
            visited.put(position, 0);
            in.seek(position);
            int start = in.pos;
            long size = in.readVarLong();
            long typeId = in.readVarLong();
            if (typeId != CHECKPOINT) {
                throw in.corrupt(start, "expected a checkpoint event (type 1) in the chain of constant pools,"
                        + " found type " + typeId);
            }
            in.skipVarLongs(2); // start time, duration
            long delta = in.readVarLong();
            in.readByte(); // checkpoint kind flags
            int count = in.readVarInt();
            in.require(count, "a constant pool count of");
            for (int i = 0; i < count; i++) {
                pools.readPool(in, metadata, space);
            }
            if (in.pos - start != size) {
                throw in.corrupt(start, "the checkpoint event's size (" + size + ") does not match its content ("
                        + (in.pos - start) + " bytes)");
            }
            position = delta == 0 ? 0 : start + delta;
        }
        return pools;
    }

    private void readPool(ChunkBytes in, Metadata metadata, Workspace space) {
        int at = in.pos;
        long typeId = in.readVarLong();
        TypeDef type = metadata.type(typeId);
        if (type == null) {
            throw in.corrupt(at, "a constant pool of type " + typeId + ", which the metadata does not define");
        }
        int count = in.readVarInt();
        in.require(count, "a constant count of");
        LongIntMap map = positions[type.index];
        if (map == null) {
            map = space.pool(type.index, count);
            positions[type.index] = map;
        }
        for (int i = 0; i < count; i++) {
            long key = in.readVarLong();
            map.put(key, in.pos);
            Values.skipValue(in, type, 0);
        }
    }
}
