package prof2calltree.read;

/** Where a reader reports something the user should know that does not stop the conversion. */
@FunctionalInterface
public interface Warnings {
    /** Reports one lower-case line, without the file name (the receiver adds it). */
    void warn(String message);

    /** A receiver that drops every warning (a class, not a lambda: lambdas cost start-up time). */
    Warnings IGNORE = new Warnings() {
        @Override
        public void warn(String message) {
            // Dropped.
        }
    };
}
