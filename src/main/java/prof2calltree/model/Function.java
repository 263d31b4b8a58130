package prof2calltree.model;

import java.util.Objects;

/**
 * A function of the profiled program, as its reader identified it.
 *
 * @param id index of this function in {@link Profile#functions()}
 * @param name the name a person knows it by, such as {@code fib} or {@code java.util.HashMap::getNode}
 * @param file the source file it was defined in, as the input spelled it; never null
 * @param object the binary, module or library holding it; empty if the input has no such notion
 * @param line the line it starts at (the target line of calls to it); 0 if unknown
 * @param qualifier text that tells it apart from same-named functions in the same file, such as
 *     a Java parameter list {@code (int, String)}; empty if there is none. Writers use it only
 *     when names would otherwise collide.
 */
public record Function(int id, String name, String file, String object, int line, String qualifier) {

    // Written out: a record's generated equals and hashCode are linked through method handles on
    // first use, which costs a small conversion start-up time (writers use functions as map keys).
    // Same results as the generated ones; the components may be null.
    @Override
    public boolean equals(Object o) {
        return o instanceof Function f && id == f.id && line == f.line && Objects.equals(name, f.name)
                && Objects.equals(file, f.file) && Objects.equals(object, f.object)
                && Objects.equals(qualifier, f.qualifier);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(id);
        h = h * 31 + Objects.hashCode(name);
        h = h * 31 + Objects.hashCode(file);
        h = h * 31 + Objects.hashCode(object);
        h = h * 31 + Integer.hashCode(line);
        return h * 31 + Objects.hashCode(qualifier);
    }
}
