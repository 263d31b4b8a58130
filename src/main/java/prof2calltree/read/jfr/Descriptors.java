package prof2calltree.read.jfr;

/** Turns JVM method descriptors such as {@code (I[Ljava/lang/String;)V} into Java parameter lists. */
final class Descriptors {
    private Descriptors() {}

    /**
     * The parameter list of a method descriptor in Java syntax, such as {@code (int, java.lang.String[])};
     * nested classes keep the JVM's {@code $} ({@code java.util.Map$Entry}).
     *
     * @return the list, or null if {@code descriptor} is not a valid method descriptor (async-profiler
     *     gives native frames made-up descriptors such as {@code ()L;})
     */
    static String parameters(String descriptor) {
        if (descriptor == null || descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            return null;
        }
        StringBuilder out = new StringBuilder("(");
        int i = 1;
        boolean first = true;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int end = typeEnd(descriptor, i);
            if (end < 0) {
                return null;
            }
            out.append(first ? "" : ", ").append(javaType(descriptor, i, end));
            first = false;
            i = end;
        }
        if (i >= descriptor.length()) {
            return null;
        }
        String ret = descriptor.substring(i + 1);
        boolean validReturn = ret.equals("V") || typeEnd(ret, 0) == ret.length();
        return validReturn ? out.append(')').toString() : null;
    }

    /** The index just past the field type starting at {@code start}, or -1 if there is none. */
    private static int typeEnd(String d, int start) {
        int i = start;
        while (i < d.length() && d.charAt(i) == '[') {
            i++;
        }
        if (i >= d.length()) {
            return -1;
        }
        char c = d.charAt(i);
        if ("BCDFIJSZ".indexOf(c) >= 0) {
            return i + 1;
        }
        if (c != 'L') {
            return -1;
        }
        int semicolon = d.indexOf(';', i);
        return semicolon > i + 1 ? semicolon + 1 : -1;
    }

    private static String javaType(String d, int start, int end) {
        int dims = 0;
        while (d.charAt(start + dims) == '[') {
            dims++;
        }
        char c = d.charAt(start + dims);
        String base = switch (c) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> d.substring(start + dims + 1, end - 1).replace('/', '.');
        };
        return base + "[]".repeat(dims);
    }
}
