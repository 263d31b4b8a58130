package prof2calltree.write;

import java.io.IOException;
import java.io.OutputStream;
import prof2calltree.model.Profile;

/** Renders the neutral model in one output format. */
public interface ProfileWriter {
    /**
     * Writes {@code profile} to {@code out}, leaving the stream open.
     *
     * @param command what was profiled, as the output should name it (such as the input file's name)
     */
    void write(Profile profile, String command, OutputStream out) throws IOException;
}
