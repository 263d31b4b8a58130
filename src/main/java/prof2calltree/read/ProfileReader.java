package prof2calltree.read;

import java.io.IOException;
import java.nio.file.Path;
import prof2calltree.model.Profile;

/** Reads one input format into the neutral model. */
public interface ProfileReader {
    /**
     * Reads the profile in {@code file}.
     *
     * @throws BadInputException if the file's content is not valid for this format
     * @throws IOException if the file cannot be read
     */
    Profile read(Path file, Warnings warnings) throws IOException, BadInputException;
}
