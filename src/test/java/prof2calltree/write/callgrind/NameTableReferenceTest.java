package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import prof2calltree.model.Function;

/**
 * The name table and the writing order agree with straightforward versions of themselves on
 * random functions drawn from few names, paths, lines and qualifiers, so that collisions, tags
 * that look like names, newlines and non-ASCII characters are common.
 */
class NameTableReferenceTest {
    private static final String[] NAMES = {"f", "g", "<module>", "w [x.py:1]", "w", "f #2", "caf\u00e9", "a\nb", "a\rb",
        "a b", "\u65e5"};
    private static final String[] PATHS = {"x.py", "/a/x.py", "/b/x.py", "/a/b/x.py", "c\\x.py", "/a/y.py", "", "/",
        "/a/", "~", "/p/\u00e9.py", "/q/\u00e9.py", "x\ny.py"};
    private static final String[] OBJECTS = {"", "", "", "libjvm.so", "/usr/lib/libjvm.so", "/opt/libjvm.so"};
    private static final String[] QUALIFIERS = {"", "", "(int)", "(long)", "(int)\n"};

    private static List<Function> randomFunctions(Random random, int n) {
        List<Function> fs = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            fs.add(new Function(id, pick(random, NAMES), pick(random, PATHS), pick(random, OBJECTS),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(5), pick(random, QUALIFIERS)));
        }
        return fs;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    void namesAreThoseOfTheReferenceImplementation() {
        Random random = new Random(6);
        for (int round = 0; round < 400; round++) {
            List<Function> fs = randomFunctions(random, 1 + random.nextInt(round < 300 ? 12 : 300));
            NameTable table = new NameTable(fs);
            ReferenceNameTable reference = new ReferenceNameTable(fs);
            for (Function f : fs) {
                assertEquals(reference.name(f.id()), table.name(f.id()), "function " + f + " of " + fs);
            }
        }
    }

    @Test
    void packedOrderIsTheComparatorOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<Function> fs = randomFunctions(random, random.nextInt(200));
            if (round % 3 == 0 && !fs.isEmpty()) { // lines far apart: the widest packed keys
                Function f = fs.get(0);
                fs.set(0, new Function(0, f.name(), f.file(), f.object(), Integer.MIN_VALUE, f.qualifier()));
                f = fs.get(fs.size() - 1);
                fs.set(fs.size() - 1, new Function(f.id(), f.name(), f.file(), f.object(), Integer.MAX_VALUE, f.qualifier()));
            }
            FileTable files = new FileTable(fs);
            NameTable names = new NameTable(fs, files);
            int[] packed = FunctionOrder.of(fs, files, names);
            int[] general = FunctionOrder.of(fs, files, names, true);
            assertEquals(java.util.Arrays.toString(general), java.util.Arrays.toString(packed), fs.toString());
            // And both are the order the writer has always used.
            List<Function> expected = new ArrayList<>(fs);
            expected.sort(java.util.Comparator.comparing(Function::file).thenComparingInt(Function::line)
                    .thenComparing(f -> names.name(f.id())));
            for (int k = 0; k < fs.size(); k++) {
                assertEquals(expected.get(k).id(), packed[k], "position " + k + " of " + fs);
            }
        }
    }

    @Test
    void fileTableSortsDistinctPaths() {
        List<Function> fs = List.of(new Function(0, "a", "/z.py", "", 1, ""), new Function(1, "b", "/a.py", "", 1, ""),
                new Function(2, "c", new String("/z.py"), "", 1, ""));
        FileTable files = new FileTable(fs);
        assertEquals(List.of("/a.py", "/z.py"), List.of(files.paths));
        assertEquals("[1, 0, 1]", java.util.Arrays.toString(files.fileOf));
    }
}
