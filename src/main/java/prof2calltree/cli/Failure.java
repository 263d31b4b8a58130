package prof2calltree.cli;

/**
 * A conversion failed for a reason the user can act on: bad input, or a file that cannot be
 * read or written. Its message is one lower-case line that already names the file. Exit code 1.
 */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String file, String message) {
        super(file + ": " + message);
    }
}
