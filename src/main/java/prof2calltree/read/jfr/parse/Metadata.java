package prof2calltree.read.jfr.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes a chunk declares in its metadata event (type id 0): a string table, then a tree of
 * elements whose {@code metadata} element holds one {@code class} element per type, with
 * {@code field} children (name, type id, dimension, constant pool flag) and their
 * {@code annotation} children. Read as the JDK's {@code MetadataReader} reads it.
 */
final class Metadata {
    /** Deeper element trees than this are corrupt (the JDK writes five levels). */
    private static final int MAX_DEPTH = 32;

    /** One element of the metadata tree. */
    private record Element(String name, String[] attributes, List<Element> children) {
        String attribute(String key) {
            for (int i = 0; i < attributes.length; i += 2) {
                if (attributes[i].equals(key)) {
                    return attributes[i + 1];
                }
            }
            return null;
        }

        List<Element> children(String childName) {
            List<Element> out = new ArrayList<>();
            for (Element e : children) {
                if (e.name.equals(childName)) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    private final List<TypeDef> types = new ArrayList<>();
    private final LongIntMap byId = new LongIntMap();

    private Metadata() {}

    /** Every type, in declaration order ({@link TypeDef#index}). */
    List<TypeDef> types() {
        return types;
    }

    /** The type with id {@code id}, or null. */
    TypeDef type(long id) {
        int i = byId.get(id);
        return i == LongIntMap.MISSING ? null : types.get(i);
    }

    /** Reads the metadata event that starts at chunk position {@code offset}. */
    static Metadata read(ChunkBytes in, long offset) {
        in.seek(offset);
        int start = in.pos;
        in.readVarLong(); // size: the element tree ends the event
        long typeId = in.readVarLong();
        if (typeId != 0) {
            throw in.corrupt(start, "expected the metadata event (type 0) where the header says, found type " + typeId);
        }
        in.skipVarLongs(3); // start time, duration, metadata id
        int count = in.readVarInt();
        in.require(count, "a metadata string count of");
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = Values.readPlainString(in);
        }
        Element root = element(in, strings, 0);
        List<Element> metadata = root.children("metadata");
        if (metadata.isEmpty()) {
            throw in.corrupt(start, "the metadata event has no metadata element");
        }
        Metadata m = new Metadata();
        List<Element> classes = metadata.get(0).children("class");
        for (Element c : classes) {
            m.declare(in, start, c);
        }
        for (int i = 0; i < classes.size(); i++) {
            m.define(in, start, classes.get(i), m.types.get(i));
        }
        int[] state = new int[m.types.size()];
        for (TypeDef t : m.types) {
            t.varLongs = varLongs(t, state);
        }
        for (TypeDef t : m.types) {
            t.skipPlan = Values.skipPlan(t);
        }
        return m;
    }

    private static Element element(ChunkBytes in, String[] strings, int depth) {
        if (depth > MAX_DEPTH) {
            throw in.corrupt(in.pos, "the metadata is nested more than " + MAX_DEPTH + " levels deep");
        }
        String name = string(in, strings);
        int attributeCount = in.readVarInt();
        in.require(attributeCount * 2L, "a metadata attribute count of");
        String[] attributes = new String[attributeCount * 2];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = string(in, strings);
        }
        int childCount = in.readVarInt();
        in.require(childCount, "a metadata element count of");
        List<Element> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(element(in, strings, depth + 1));
        }
        return new Element(name, attributes, children);
    }

    private static String string(ChunkBytes in, String[] strings) {
        int at = in.pos;
        int i = in.readVarInt();
        if (i < 0 || i >= strings.length || strings[i] == null) {
            throw in.corrupt(at, "metadata string " + i + " does not exist (there are " + strings.length + ")");
        }
        return strings[i];
    }

    private void declare(ChunkBytes in, int at, Element c) {
        String name = c.attribute("name");
        if (name == null) {
            throw in.corrupt(at, "a metadata class has no name");
        }
        long id = number(in, at, c, "id", -1);
        TypeDef type = new TypeDef(id, name, c.attribute("superType"), c.attribute("simpleType") != null, types.size());
        types.add(type);
        byId.put(id, type.index);
    }

    private void define(ChunkBytes in, int at, Element c, TypeDef type) {
        List<FieldDef> fields = new ArrayList<>();
        for (Element f : c.children("field")) {
            String name = f.attribute("name");
            TypeDef fieldType = referenced(in, at, f, type);
            long dimension = number(in, at, f, "dimension", 0);
            if (name == null || dimension < 0) {
                throw in.corrupt(at, "a field of " + type.name + " has no name or a negative dimension");
            }
            boolean unsigned = false;
            String timespan = null;
            for (Element a : f.children("annotation")) {
                String annotation = referenced(in, at, a, type).name;
                unsigned |= annotation.equals("jdk.jfr.Unsigned");
                if (annotation.equals("jdk.jfr.Timespan")) {
                    timespan = a.attribute("value");
                }
            }
            fields.add(new FieldDef(name, fieldType, dimension > 0, f.attribute("constantPool") != null, unsigned,
                    timespan));
        }
        type.fields = fields.toArray(new FieldDef[0]);
        if (type.fields.length > 0) {
            type.primitive = TypeDef.Primitive.NONE;
        }
    }

    /**
     * How many variable-length integers a value of {@code t} is, or -1 if it holds anything else
     * (see {@link TypeDef#varLongs}); {@code state} marks types in progress (1) and done (2).
     */
    private static int varLongs(TypeDef t, int[] state) {
        switch (t.primitive) {
            case CHAR, SHORT, INT, LONG:
                return 1;
            case NONE:
                break;
            default:
                return -1;
        }
        if (state[t.index] == 2) {
            return t.varLongs;
        }
        if (state[t.index] == 1 || t.fields.length == 0) {
            return -1; // contains itself, or cannot be read at all
        }
        state[t.index] = 1;
        int sum = 0;
        int n = t.reducesToFirstField() ? 1 : t.fields.length;
        for (int i = 0; i < n && sum >= 0; i++) {
            FieldDef f = t.fields[i];
            int v = f.array() ? -1 : f.constantPool() ? 1 : varLongs(f.type(), state);
            sum = v < 0 ? -1 : sum + v;
        }
        t.varLongs = sum;
        state[t.index] = 2;
        return sum;
    }

    /** The type an element's {@code class} attribute names. */
    private TypeDef referenced(ChunkBytes in, int at, Element e, TypeDef owner) {
        long id = number(in, at, e, "class", Long.MIN_VALUE);
        TypeDef t = type(id);
        if (t == null) {
            throw in.corrupt(at, "a " + e.name + " of " + owner.name + " refers to type " + id + ", which is not defined");
        }
        return t;
    }

    private static long number(ChunkBytes in, int at, Element e, String key, long missing) {
        String value = e.attribute(key);
        if (value == null) {
            return missing;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException x) {
            throw in.corrupt(at, "metadata attribute " + key + " is not a number: " + value);
        }
    }
}
