package prof2calltree.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import prof2calltree.PlainFiles;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An input made ready for a reader, which needs a file it can seek in: standard input is
 * spooled to the workspace, a gzipped file is decompressed there; a plain file is used as is.
 *
 * @param path the file the reader reads
 * @param name how messages name the input: the path as given, or "standard input"
 * @param baseName the input's file name without directories (and without {@code .gz}), for output names
 */
record InputFile(Path path, String name, String baseName) {
    static final String STDIN = "-";

    static InputFile open(String given, Path workingDir, InputStream stdin, Workspace workspace) throws Failure {
        if (given.equals(STDIN)) {
            Path spool;
            try {
                spool = Files.createTempFile(workspace.dir(), "stdin-", ".in");
                Files.copy(stdin, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new Failure("standard input", "cannot read: " + Main.describe(e));
            }
            return gunzipIfNeeded(new InputFile(spool, "standard input", "stdin"), workspace);
        }
        Path path = workingDir.resolve(given);
        if (Files.isDirectory(path)) {
            throw new Failure(given, "is a directory, not a profile");
        }
        if (!Files.exists(path)) {
            throw new Failure(given, "no such file or directory");
        }
        if (!Files.isReadable(path)) {
            throw new Failure(given, "permission denied");
        }
        Path file = path.getFileName();
        return gunzipIfNeeded(new InputFile(path, given, file == null ? given : file.toString()), workspace);
    }

    private static InputFile gunzipIfNeeded(InputFile in, Workspace workspace) throws Failure {
        byte[] head = new byte[2];
        try (InputStream s = PlainFiles.newInputStream(in.path)) {
            if (s.readNBytes(head, 0, 2) < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
                return in;
            }
        } catch (IOException e) {
            throw new Failure(in.name, "cannot read: " + Main.describe(e));
        }
        String base = in.baseName.endsWith(".gz") ? in.baseName.substring(0, in.baseName.length() - 3) : in.baseName;
        try {
            Path out = Files.createTempFile(workspace.dir(), "gunzip-", ".in");
            try (InputStream gz = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(in.path), 1 << 16), 1 << 16)) {
                Files.copy(gz, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new InputFile(out, in.name, base);
        } catch (ZipException | java.io.EOFException e) {
            throw new Failure(in.name, "the gzip stream is corrupted or truncated (" + Main.describe(e) + ")");
        } catch (IOException e) {
            throw new Failure(in.name, "cannot decompress: " + Main.describe(e));
        }
    }
}
