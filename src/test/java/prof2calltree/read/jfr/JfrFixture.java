package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;
import prof2calltree.model.Stack;

/** A committed JFR fixture with its sidecar oracle, and ways to read it for the tests. */
final class JfrFixture {
    static final Path DIR = Path.of("src/test/resources/fixtures/jfr");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path file;
    final JsonNode oracle;

    private JfrFixture(Path file, JsonNode oracle) {
        this.file = file;
        this.oracle = oracle;
    }

    /** The fixture named {@code name}; skips the test if it (or its sidecar) is not there. */
    static JfrFixture named(String name) throws IOException {
        Path file = DIR.resolve(name);
        Path sidecar = DIR.resolve(name + ".expected.json");
        assumeTrue(Files.isRegularFile(file) && Files.isRegularFile(sidecar), "fixture " + name + " is missing");
        return new JfrFixture(file, JSON.readTree(sidecar.toFile()));
    }

    /** The names of every fixture that has a sidecar, sorted; empty if there are none yet. */
    static List<String> all() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (var s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jfr") && Files.isRegularFile(DIR.resolve(n + ".expected.json")))
                    .sorted().toList();
        }
    }

    /** The oracle's statistics of one event type, or null if the recording has none of it. */
    JsonNode events(String eventName) {
        return oracle.get("events").get(eventName);
    }

    /** The supported kinds the oracle saw with at least one stack, in column order. */
    List<EventKind> kindsWithStacks() {
        List<EventKind> kinds = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            JsonNode e = events(kind.eventName);
            if (e != null && e.get("count").asLong() > 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Reads the fixture, collecting warnings into {@code warnings}. */
    Profile read(JfrOptions options, List<String> warnings) throws Exception {
        return new JfrReader(options).read(file, warnings::add);
    }

    /** Reads only events of {@code kind}, sequentially. */
    Profile readKind(EventKind kind) throws Exception {
        return read(new JfrOptions(Set.of(kind.eventName), null, null, null, 1), new ArrayList<>());
    }

    /**
     * The name the oracle gives a function as a leaf: {@code type.method} (Java's {@code ::} read
     * as a dot, or the library before a native symbol), the bare symbol when it has no type, or
     * the library path of code without a symbol.
     */
    static String oracleName(Function f) {
        int sep = f.name().indexOf("::");
        if (f.file().endsWith(".java") && sep > 0) {
            return f.name().substring(0, sep) + "." + f.name().substring(sep + 2);
        }
        if (f.file().startsWith("<")) {
            return f.name();
        }
        if (f.name().startsWith("[/")) {
            return f.name().substring(1, f.name().length() - 1);
        }
        return f.file() + "." + f.name();
    }

    /** Events per leaf, by oracle name, counted over a profile's stacks. */
    static Map<String, Long> leafEvents(Profile profile) {
        Map<String, Long> counts = new HashMap<>();
        for (Stack s : profile.stacks()) {
            Function leaf = profile.functions().get(s.functions()[s.functions().length - 1]);
            counts.merge(oracleName(leaf), s.events(), Long::sum);
        }
        return counts;
    }

    /** Self cost of one column per function, by oracle name, summed over lines and overloads. */
    static Map<String, Long> selfByName(Profile profile, int column) {
        Map<String, Long> sums = new HashMap<>();
        for (SelfCost c : profile.selfCosts()) {
            sums.merge(oracleName(profile.functions().get(c.function())), c.costs()[column], Long::sum);
        }
        return sums;
    }
}
