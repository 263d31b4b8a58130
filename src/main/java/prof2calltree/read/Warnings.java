package prof2calltree.read;

/** Where a reader reports something the user should know that does not stop the conversion. */
@FunctionalInterface
public interface Warnings {
    /** Reports one lower-case line, without the file name (the receiver adds it). */
    void warn(String message);

    /** A receiver that drops every warning. */
    Warnings IGNORE = message -> { };
}
