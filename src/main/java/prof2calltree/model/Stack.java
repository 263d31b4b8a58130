package prof2calltree.model;

/**
 * A distinct call stack of a sampled profile, with the costs of the events recorded on it.
 * Inputs that record only a call graph (pstats) have none.
 *
 * @param functions function ids from the root (outermost caller) to the leaf (where the event
 *     happened)
 * @param lines the line each frame was at: the call site for callers, the current line for the leaf; 0 if unknown
 * @param thread the thread the events ran on; empty if unknown
 * @param events how many events were recorded on this stack (the count its calls add up)
 * @param costs one value per {@link Profile#costTypes()} entry, each at least 0
 */
public record Stack(int[] functions, int[] lines, String thread, long events, long[] costs) {}
