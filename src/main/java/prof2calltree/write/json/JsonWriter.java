package prof2calltree.write.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import prof2calltree.Version;
import prof2calltree.model.Call;
import prof2calltree.model.CostType;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.Stack;
import prof2calltree.write.ProfileWriter;

/**
 * Writes the model as JSON for scripts, streamed with Jackson's {@link JsonGenerator}: the
 * shape {@code prof2calltree-profile} version 1, specified in {@code docs/json-format.md}.
 *
 * <pre>{@code
 * {"format":"prof2calltree-profile","version":1,"creator":"prof2calltree 0.1.0","command":"app.prof",
 *  "costTypes":[{"name":"Time","unit":"ns","description":"Time (ns)"}],
 *  "totals":[1234],
 *  "functions":[{"id":0,"name":"fib","file":"app.py","object":"","line":3,"qualifier":"",
 *                "self":[800],"selfByLine":[{"line":4,"costs":[800]}]}],
 *  "calls":[{"caller":1,"callerLine":9,"callee":0,"calleeLine":3,"count":21,"inclusive":[800]}],
 *  "stacks":[{"thread":"main","functions":[1,0],"lines":[9,4],"events":3,"costs":[800]}]}
 * }</pre>
 *
 * Every cost array has one integer per cost type, in {@code costTypes} order. Function ids are
 * renumbered 0.. in the order of (file, line, name, object, qualifier); calls are sorted by
 * (caller, callerLine, callee, calleeLine), self lines by line, stacks by (thread, functions,
 * lines); so the same profile gives the same bytes. {@code stacks} is empty for inputs without
 * stacks (pstats). One top-level entry and one record per line, UTF-8, {@code \n} line ends.
 */
public final class JsonWriter implements ProfileWriter {
    /** The value of {@code format}. */
    public static final String FORMAT = "prof2calltree-profile";
    /** The value of {@code version}: raised only when a field changes meaning or goes away. */
    public static final int VERSION = 1;
    /** Top-level arrays whose elements are records, one per line. */
    static final Set<String> RECORD_ARRAYS = Set.of("costTypes", "functions", "calls", "stacks");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(Profile profile, String command, OutputStream out) throws IOException {
        int[] newId = renumber(profile.functions());
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new LinePrinter());
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("creator", "prof2calltree " + Version.VERSION);
            g.writeStringField("command", command);
            g.writeArrayFieldStart("costTypes");
            for (CostType t : profile.costTypes()) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeStringField("unit", t.unit());
                g.writeStringField("description", t.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            costs(g, "totals", profile.totals());
            new Functions(profile, newId).write(g);
            calls(g, profile, newId);
            stacks(g, profile, newId);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** New id of each function: its rank in (file, line, name, object, qualifier) order. */
    static int[] renumber(List<Function> functions) {
        List<Function> order = new ArrayList<>(functions);
        order.sort(Comparator.comparing(Function::file)
                .thenComparingInt(Function::line)
                .thenComparing(Function::name)
                .thenComparing(Function::object)
                .thenComparing(Function::qualifier)
                .thenComparingInt(Function::id));
        int[] newId = new int[functions.size()];
        for (int i = 0; i < order.size(); i++) {
            newId[order.get(i).id()] = i;
        }
        return newId;
    }

    private static void calls(JsonGenerator g, Profile profile, int[] newId) throws IOException {
        List<Call> calls = new ArrayList<>(profile.calls());
        calls.sort(Comparator.comparingInt((Call c) -> newId[c.caller()])
                .thenComparingInt(Call::callerLine)
                .thenComparingInt(c -> newId[c.callee()])
                .thenComparingInt(Call::calleeLine));
        g.writeArrayFieldStart("calls");
        for (Call c : calls) {
            g.writeStartObject();
            g.writeNumberField("caller", newId[c.caller()]);
            g.writeNumberField("callerLine", c.callerLine());
            g.writeNumberField("callee", newId[c.callee()]);
            g.writeNumberField("calleeLine", c.calleeLine());
            g.writeNumberField("count", c.count());
            costs(g, "inclusive", c.inclusive());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void stacks(JsonGenerator g, Profile profile, int[] newId) throws IOException {
        List<Stack> stacks = new ArrayList<>();
        for (Stack s : profile.stacks()) {
            int[] ids = s.functions().clone();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = newId[ids[i]];
            }
            stacks.add(new Stack(ids, s.lines(), s.thread(), s.events(), s.costs()));
        }
        stacks.sort(Comparator.comparing(Stack::thread)
                .thenComparing(Stack::functions, Arrays::compare)
                .thenComparing(Stack::lines, Arrays::compare));
        g.writeArrayFieldStart("stacks");
        for (Stack s : stacks) {
            g.writeStartObject();
            g.writeStringField("thread", s.thread());
            g.writeFieldName("functions");
            g.writeArray(s.functions(), 0, s.functions().length);
            g.writeFieldName("lines");
            g.writeArray(s.lines(), 0, s.lines().length);
            g.writeNumberField("events", s.events());
            costs(g, "costs", s.costs());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void costs(JsonGenerator g, String field, long[] values) throws IOException {
        g.writeFieldName(field);
        g.writeArray(values, 0, values.length);
    }
}
