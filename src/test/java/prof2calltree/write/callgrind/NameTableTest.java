package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import prof2calltree.model.Function;

/** Names that KCacheGrind would merge get the shortest tag that tells them apart; others stay. */
class NameTableTest {
    private static final List<Function> FUNCTIONS = new ArrayList<>();

    private static List<String> names(Function... fs) {
        NameTable t = new NameTable(List.of(fs));
        List<String> out = new ArrayList<>();
        for (Function f : fs) {
            out.add(t.name(f.id()));
        }
        return out;
    }

    private static Function f(int id, String name, String file, int line, String qualifier) {
        return new Function(id, name, file, "", line, qualifier);
    }

    @Test
    void uniqueNamesStayPlain() {
        assertEquals(List.of("fib", "fib"), names(f(0, "fib", "/a/x.py", 1, ""), f(1, "fib", "/a/y.py", 1, "")));
    }

    @Test
    void sameBaseNameInOtherDirectoriesGetsTheShortestDistinguishingTail() {
        assertEquals(List.of("<module> [pkg/__init__.py]", "<module> [other/__init__.py]", "<module> [b/x/__init__.py]",
                        "<module> [c/x/__init__.py]"),
                names(f(0, "<module>", "/src/a/pkg/__init__.py", 1, ""), f(1, "<module>", "/src/b/other/__init__.py", 1, ""),
                        f(2, "<module>", "/b/x/__init__.py", 1, ""), f(3, "<module>", "/c/x/__init__.py", 1, "")));
    }

    @Test
    void sameFileAddsTheLine() {
        assertEquals(List.of("wrapper [src/app.py:3]", "wrapper [src/app.py:9]", "wrapper [lib/app.py]"),
                names(f(0, "wrapper", "/src/app.py", 3, ""), f(1, "wrapper", "/src/app.py", 9, ""),
                        f(2, "wrapper", "/src/lib/app.py", 4, "")));
    }

    @Test
    void javaOverloadsGetTheirParameterLists() {
        assertEquals(List.of("C::m(int)", "C::m(double)", "C::n"),
                names(f(0, "C::m", "C.java", 0, "(int)"), f(1, "C::m", "C.java", 0, "(double)"),
                        f(2, "C::n", "C.java", 0, "(int)")));
    }

    @Test
    void namesThatLookLikeTagsStillNeverCollide() {
        List<String> n = names(f(0, "w", "/a/x.py", 1, ""), f(1, "w", "/a/x.py", 2, ""), f(2, "w [x.py:1]", "/b/x.py", 1, ""));
        assertEquals(3, new HashSet<>(n).size(), n.toString());
    }

    @Test
    void manyCollisionsStayFastAndDistinct() {
        List<Function> fs = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            fs.add(f(i, "<module>", "/site/p" + (i % 500) + "/q" + (i / 500) + "/__init__.py", 1, ""));
        }
        NameTable t = new NameTable(fs);
        Set<String> seen = new HashSet<>();
        for (Function f : fs) {
            assertTrue(seen.add(t.name(f.id())), t.name(f.id()));
        }
        assertEquals("<module> [p0/q0/__init__.py]", t.name(0));
    }
}
