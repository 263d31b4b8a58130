package prof2calltree.write.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Lays JSON out one record per line: each entry of the top-level object on its own line, and
 * each element of a top-level array on its own line, everything deeper compact. Big profiles
 * stay greppable and diffable without the size of full indentation. Line breaks are
 * {@code \n} on every platform.
 */
final class LinePrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        if (isRootObject(g.getOutputContext())) {
            g.writeRaw("\n  ");
        }
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(isRootObject(g.getOutputContext()) ? ",\n  " : ",");
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        g.writeRaw(isRootObject(g.getOutputContext()) && entries > 0 ? "\n}" : "}");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (isBlockArray(g.getOutputContext())) {
            g.writeRaw("\n    ");
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(isBlockArray(g.getOutputContext()) ? ",\n    " : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        g.writeRaw(isBlockArray(g.getOutputContext()) && values > 0 ? "\n  ]" : "]");
    }

    private static boolean isRootObject(JsonStreamContext c) {
        return c.inObject() && c.getParent().inRoot();
    }

    /** An array of records: a value of the top-level object whose elements are objects. */
    private static boolean isBlockArray(JsonStreamContext c) {
        return c.inArray() && isRootObject(c.getParent()) && JsonWriter.RECORD_ARRAYS.contains(c.getParent().getCurrentName());
    }
}
