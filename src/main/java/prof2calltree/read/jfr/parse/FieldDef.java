package prof2calltree.read.jfr.parse;

/**
 * One field of a metadata class, with what the parser needs of its annotations.
 *
 * @param name the field's name
 * @param type the type of its values (of each element, for arrays)
 * @param array whether it holds an array (its dimension is not 0)
 * @param constantPool whether its values are keys of the type's constant pool
 * @param unsigned whether it is annotated {@code jdk.jfr.Unsigned}
 * @param timespan the unit of its {@code jdk.jfr.Timespan} annotation (such as TICKS); null if none
 */
record FieldDef(String name, TypeDef type, boolean array, boolean constantPool, boolean unsigned, String timespan) {}
