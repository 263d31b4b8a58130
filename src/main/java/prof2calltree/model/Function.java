package prof2calltree.model;

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
public record Function(int id, String name, String file, String object, int line, String qualifier) {}
