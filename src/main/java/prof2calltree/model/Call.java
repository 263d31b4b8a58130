package prof2calltree.model;

/**
 * Calls from one call site to one function, with the inclusive cost of those calls.
 *
 * @param caller id of the calling function
 * @param callerLine the line of the call site in the caller; 0 if unknown
 * @param callee id of the called function
 * @param calleeLine the line the calls arrive at in the callee (usually its first line); 0 if unknown
 * @param count how many calls; for sampled inputs, how many samples saw this call (see the reader)
 * @param inclusive one value per {@link Profile#costTypes()} entry: the cost of the callee and
 *     everything it called, for these calls, each at least 0
 */
public record Call(int caller, int callerLine, int callee, int calleeLine, long count, long[] inclusive) {}
