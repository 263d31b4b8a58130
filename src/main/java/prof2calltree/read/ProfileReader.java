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

    /**
     * Reads the profile in {@code file}, reporting progress in bytes of the file. Readers that can
     * tell how far they are override this; the default reports the whole file at the end.
     */
    default Profile read(Path file, Warnings warnings, Progress progress) throws IOException, BadInputException {
        Profile profile = read(file, warnings);
        progress.advance(java.nio.file.Files.size(file));
        return profile;
    }
}
