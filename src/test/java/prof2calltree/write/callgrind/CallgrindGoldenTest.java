package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.testutil.Fixtures;

/**
 * The writer's exact output for chosen fixtures, committed beside them as {@code X.callgrind}.
 * After an intended change, re-bless with {@code mvn test -Dbless=true} and review the diff.
 * Run under several default locales: the bytes must not depend on one.
 */
class CallgrindGoldenTest {
    static Stream<String> goldens() {
        return Stream.of("pstats/py27-cprofile.prof", "pstats/py313-profile.prof", "pstats/py312-empty.prof",
                "pstats/py36-cprofile.prof", "pstats/py312-cprofile-threads.prof");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void matchesGoldenFile(String fixture) throws Exception {
        Path input = Fixtures.ROOT.resolve(fixture);
        Path golden = Path.of(input + ".callgrind");
        Locale saved = Locale.getDefault();
        try {
            String first = null;
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMANY, new Locale("ar", "EG"), new Locale("hi", "IN")}) {
                Locale.setDefault(locale);
                String text = Fixtures.callgrind(input);
                if (first == null) {
                    first = text;
                }
                assertEquals(first, text, "output under locale " + locale);
            }
            if (Boolean.getBoolean("bless")) {
                Files.writeString(golden, first, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), first,
                    "differs from " + golden + " (re-bless with -Dbless=true if intended)");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
