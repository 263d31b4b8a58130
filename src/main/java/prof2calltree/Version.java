package prof2calltree;

/** The version of prof2calltree, as its outputs and {@code --version} name it. */
public final class Version {
    private Version() {}

    public static final String VERSION = "0.1.0";
}
