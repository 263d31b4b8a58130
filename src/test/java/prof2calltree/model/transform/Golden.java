package prof2calltree.model.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Compares rendered text with a committed golden file under src/test/resources, rendering it
 * under several default locales (the bytes must not depend on one). After an intended change,
 * re-bless with {@code mvn test -Dbless=true} and review the diff.
 */
public final class Golden {
    public static final Path ROOT = Path.of("src/test/resources");

    private Golden() {}

    public static void check(String resource, Callable<String> render) throws Exception {
        Path golden = ROOT.resolve(resource);
        Locale saved = Locale.getDefault();
        String first = null;
        try {
            for (Locale locale : new Locale[] {Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("ar-EG"),
                    Locale.forLanguageTag("hi-IN")}) {
                Locale.setDefault(locale);
                String text = render.call();
                if (first == null) {
                    first = text;
                }
                assertEquals(first, text, "output under locale " + locale);
            }
        } finally {
            Locale.setDefault(saved);
        }
        if (Boolean.getBoolean("bless")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, first, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), first,
                "differs from " + golden + " (re-bless with -Dbless=true if intended)");
    }
}
