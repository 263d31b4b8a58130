package prof2calltree.read.jfr;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedMethod;

/**
 * Names the functions of stack frames. A Java method becomes {@code package.Class::method} in
 * {@code package/Class.java} (nested, local and hidden classes in their top-level class's file),
 * told apart from its overloads by its parameter list. async-profiler also records native, C++
 * and kernel frames, with the library as the "class" and a made-up descriptor: those keep their
 * symbol as the name and get the library (or {@code <kernel>}, {@code <native>}) as the file;
 * code without a symbol, which async-profiler names by its library's path, becomes
 * {@code [/usr/lib/libz.so.1]} in {@code libz.so.1}.
 */
final class FrameNames {
    /** The root that truncated stacks hang under: their real root end was not recorded. */
    static final Key TRUNCATED = new Key("[truncated stack]", "<truncated>", "");

    /** The function of events whose stack trace holds no frame at all. */
    static final Key EMPTY = new Key("[no stack trace]", "<no stack>", "");

    /** The function of a frame whose method the recording does not name. */
    static final Key UNKNOWN = new Key("[unknown method]", "<unknown>", "");

    /** A function's identity in the output: name, file and qualifier (the object is always ""). */
    record Key(String name, String file, String qualifier) {}

    private FrameNames() {}

    /** The function of a frame whose method is {@code method} and whose frame type is {@code frameType}. */
    static Key of(RecordedMethod method, String frameType) {
        RecordedClass type = method.getType();
        return of(type == null ? null : type.getName(), method.getName(), method.getDescriptor(), frameType);
    }

    /**
     * The function of a frame whose method is {@code methodName} with {@code descriptor} in the
     * class {@code className} (dotted), any of which may be null, and whose frame type is {@code frameType}.
     */
    static Key of(String className, String methodName, String descriptor, String frameType) {
        if (className == null) {
            className = "";
        }
        if (methodName == null) {
            methodName = "";
        }
        String parameters = Descriptors.parameters(descriptor);
        if (className.isEmpty() && methodName.startsWith("/")) {
            // async-profiler names code it found no symbol for by its library's path. The file is
            // the library's base name, as for its symbols: callgrind_annotate would try to read
            // the real library as source code.
            return new Key("[" + methodName + "]", methodName.substring(methodName.lastIndexOf('/') + 1), "");
        }
        if (parameters == null || className.isEmpty()) {
            String file = !className.isEmpty() ? className : "Kernel".equals(frameType) ? "<kernel>" : "<native>";
            return new Key(methodName, file, "");
        }
        return new Key(withoutHiddenSuffix(className) + "::" + methodName, sourceFile(className), parameters);
    }

    /**
     * A hidden class's name without the address the JVM appends ({@code Work$$Lambda$88+0x00007f71f4007a08.1790421142}
     * becomes {@code Work$$Lambda$88}): it differs from run to run and says nothing to a reader.
     */
    static String withoutHiddenSuffix(String className) {
        int hidden = indexOfAny(className, '/', '+');
        return hidden > 0 && className.startsWith("0x", hidden + 1) ? className.substring(0, hidden) : className;
    }

    /**
     * The source file a class implies: {@code java/util/HashMap.java} for {@code java.util.HashMap$Node}.
     * Hidden classes carry a suffix after {@code /} or {@code +} ({@code Work$$Lambda$88+0x00007f71f4007a08.1790421142})
     * that is cut first, so that its dots are not taken for packages.
     */
    static String sourceFile(String className) {
        String name = className;
        int hidden = indexOfAny(name, '/', '+');
        if (hidden > 0) {
            name = name.substring(0, hidden);
        }
        if (name.endsWith("[]")) {
            return "<array>";
        }
        int dot = name.lastIndexOf('.');
        String simple = name.substring(dot + 1);
        int dollar = simple.indexOf('$', 1);
        if (dollar > 0) {
            simple = simple.substring(0, dollar);
        }
        String dir = dot < 0 ? "" : name.substring(0, dot).replace('.', '/') + "/";
        return dir + simple + ".java";
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
