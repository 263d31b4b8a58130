package prof2calltree.read.jfr.parse;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The threads that events name, numbered densely in the order first met, with the name the JDK's
 * {@code RecordedThread} gives: the Java name, else the OS name, else "" (also for a key the pool
 * does not hold). Names are read once, when first asked for, and so is the thread filter's verdict.
 */
final class ThreadTable {
    /** The number of "no thread": events without a thread field. */
    static final int NONE = -1;

    private final ConstantReader reader;
    /** Numbers by key, one map per thread type index (there is one such type in practice). */
    private final LongIntMap[] numbers;
    private int count;
    private TypeDef[] types = new TypeDef[16];
    private long[] keys = new long[16];
    private String[] names = new String[16];
    /** The filter's verdict per number: 0 not asked yet, 1 kept, 2 dropped. */
    private byte[] verdicts = new byte[16];

    ThreadTable(ConstantReader reader, int typeCount) {
        this.reader = reader;
        this.numbers = new LongIntMap[typeCount];
    }

    /** The number of the thread with pool key {@code key} of {@code type}. */
    int number(TypeDef type, long key) {
        LongIntMap map = numbers[type.index];
        if (map == null) {
            map = new LongIntMap();
            numbers[type.index] = map;
        }
        int n = map.get(key);
        if (n == LongIntMap.MISSING) {
            n = count++;
            if (n == keys.length) {
                types = Arrays.copyOf(types, n * 2);
                keys = Arrays.copyOf(keys, n * 2);
                names = Arrays.copyOf(names, n * 2);
                verdicts = Arrays.copyOf(verdicts, n * 2);
            }
            types[n] = type;
            keys[n] = key;
            map.put(key, n);
        }
        return n;
    }

    /** The name of thread {@code n}; "" for {@link #NONE} or a thread without a name. */
    String name(int n) {
        if (n == NONE) {
            return "";
        }
        String name = names[n];
        if (name == null) {
            name = resolve(types[n], keys[n]);
            names[n] = name;
        }
        return name;
    }

    /** Whether thread {@code n} has a name and {@code filter} keeps it. */
    boolean kept(int n, Predicate<String> filter) {
        if (n == NONE) {
            return false;
        }
        if (verdicts[n] == 0) {
            String name = name(n);
            verdicts[n] = (byte) (!name.isEmpty() && filter.test(name) ? 1 : 2);
        }
        return verdicts[n] == 1;
    }

    private String resolve(TypeDef type, long key) {
        int at = reader.position(type, key);
        if (at == LongIntMap.MISSING) {
            return "";
        }
        String name = field(type, at, "javaName");
        if (name == null) {
            name = field(type, at, "osName");
        }
        return name == null ? "" : name;
    }

    private String field(TypeDef type, int at, String fieldName) {
        int f = ConstantReader.stringField(type, fieldName);
        return f < 0 ? null : reader.string(type.fields[f], reader.fieldPosition(type, at, f));
    }
}
