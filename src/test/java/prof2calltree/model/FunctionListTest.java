package prof2calltree.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile's functions kept by column: the same functions, fields and lookups as records would give. */
class FunctionListTest {
    private static final CostType TIME = new CostType("Time", "ns", "Time (ns)");

    @Test
    void functionsComeBackAsAddedWhicheverColumnsTheyNeeded() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME), 2, 1, 1); // grows past its size
        List<Function> expected = new ArrayList<>();
        // Empty objects and qualifiers first (no column for them yet), then some that are not.
        String[][] fields = {
            {"f", "a.py", "", ""}, {"g", "a.py", "", ""}, {"h", "b.py", "", ""},
            {"m", "A.java", "app.jar", "(int)"}, {"m", "A.java", "app.jar", "(long)"},
            {"n", "A.java", "", "()"}, {"o", "B.java", "lib.so", ""}, {"f", "a.py", "", ""},
        };
        for (int i = 0; i < fields.length; i++) {
            String[] f = fields[i];
            int id = i < 3 ? b.addFunctionOnce(f[0], f[1], f[2], 10 + i, f[3]) : b.function(f[0], f[1], f[2], 10 + i, f[3]);
            assertEquals(i, id);
            expected.add(new Function(i, f[0], f[1], f[2], 10 + i, f[3]));
        }
        // More than the table's first size (16), so the columns grow after they were made.
        for (int i = fields.length; i < 40; i++) {
            String object = i % 2 == 0 ? "lib.so" : "";
            assertEquals(i, b.addFunctionOnce("x" + i, "c.py", object, i, ""));
            expected.add(new Function(i, "x" + i, "c.py", object, i, ""));
        }
        // Found again by a lookup, with the columns made after they were added.
        assertEquals(0, b.function("f", "a.py", "", 10, ""));
        assertEquals(3, b.function("m", "A.java", "app.jar", 13, "(int)"));
        assertEquals(38, b.function("x38", "c.py", "lib.so", 38, ""));
        assertEquals(40, b.function("m", "A.java", "", 13, "(int)"));
        expected.add(new Function(40, "m", "A.java", "", 13, "(int)"));
        Profile p = b.build();
        assertEquals(expected, p.functions());
        FunctionList columns = FunctionList.of(p.functions());
        assertSame(p.functions(), columns);
        for (Function f : expected) {
            assertEquals(f.name(), columns.name(f.id()));
            assertEquals(f.file(), columns.file(f.id()));
            assertEquals(f.object(), columns.object(f.id()));
            assertEquals(f.line(), columns.line(f.id()));
            assertEquals(f.qualifier(), columns.qualifier(f.id()));
        }
        assertEquals(expected, FunctionList.of(List.copyOf(expected)));
        assertThrows(IndexOutOfBoundsException.class, () -> columns.name(expected.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(-1));
    }

    /** A hand-made Function may leave its object and qualifier null: the columns take them as empty. */
    @Test
    void nullObjectsAndQualifiersAreEmptyColumns() {
        FunctionList columns = FunctionList.of(List.of(new Function(0, "f", "a.py", null, 1, null),
                new Function(1, "g", "a.py", "lib.so", 2, "(int)")));
        assertEquals("", columns.object(0));
        assertEquals("", columns.qualifier(0));
        assertEquals("lib.so", columns.object(1));
        assertEquals("(int)", columns.qualifier(1));
    }

    @Test
    void aListWhoseIdsAreNotItsIndexesIsRefused() {
        List<Function> shifted = List.of(new Function(1, "f", "a.py", "", 1, ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FunctionList.of(shifted));
        assertEquals("function 0 has id 1", e.getMessage());
    }
}
