package prof2calltree.model;

/**
 * The cost spent in a function itself at one of its lines.
 *
 * @param function id of the function
 * @param line the source line the cost was spent at; 0 if unknown
 * @param costs one value per {@link Profile#costTypes()} entry, each at least 0
 */
public record SelfCost(int function, int line, long[] costs) {}
