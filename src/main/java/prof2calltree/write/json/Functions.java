package prof2calltree.write.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;

/** The {@code functions} array of the JSON shape: each function with its self cost, in new-id order. */
final class Functions {
    private final Profile profile;
    private final int[] newId;

    Functions(Profile profile, int[] newId) {
        this.profile = profile;
        this.newId = newId;
    }

    void write(JsonGenerator g) throws IOException {
        int n = profile.functions().size();
        Function[] byNewId = new Function[n];
        for (Function f : profile.functions()) {
            byNewId[newId[f.id()]] = f;
        }
        // Self costs grouped by function, each group sorted by line (the model keeps them so
        // when built; sorting again costs little and protects hand-made profiles).
        List<SelfCost> self = profile.selfCosts().stream()
                .sorted(Comparator.comparingInt(SelfCost::function).thenComparingInt(SelfCost::line))
                .toList();
        int[] start = new int[n + 1];
        for (SelfCost c : self) {
            start[c.function() + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int width = profile.costTypes().size();
        g.writeArrayFieldStart("functions");
        for (Function f : byNewId) {
            g.writeStartObject();
            g.writeNumberField("id", newId[f.id()]);
            g.writeStringField("name", f.name());
            g.writeStringField("file", f.file());
            g.writeStringField("object", f.object());
            g.writeNumberField("line", f.line());
            g.writeStringField("qualifier", f.qualifier());
            long[] sum = new long[width];
            for (int i = start[f.id()]; i < start[f.id() + 1]; i++) {
                for (int k = 0; k < width; k++) {
                    sum[k] += self.get(i).costs()[k];
                }
            }
            JsonWriter.costs(g, "self", sum);
            g.writeArrayFieldStart("selfByLine");
            for (int i = start[f.id()]; i < start[f.id() + 1]; i++) {
                g.writeStartObject();
                g.writeNumberField("line", self.get(i).line());
                JsonWriter.costs(g, "costs", self.get(i).costs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
