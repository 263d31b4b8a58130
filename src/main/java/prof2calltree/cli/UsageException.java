package prof2calltree.cli;

/** The command line is wrong; the message says how, in lower case. Exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
