package prof2calltree.read.jfr.parse;

/**
 * Corrupt or unsupported data inside a chunk, thrown deep in the parser without a throws clause
 * on every read, and turned into a {@link prof2calltree.read.BadInputException} at the parser's
 * edge. The message is lower case and starts with the file offset ({@code offset 1234: ...}).
 */
final class CorruptChunkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptChunkException(String message) {
        super(message, null, false, false);
    }
}
