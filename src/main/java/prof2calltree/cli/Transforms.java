package prof2calltree.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import prof2calltree.model.Profile;
import prof2calltree.model.transform.FunctionFilter;
import prof2calltree.model.transform.ProfileMerger;
import prof2calltree.model.transform.SourceRoots;
import prof2calltree.model.transform.UnsupportedTransformException;
import prof2calltree.read.Warnings;

/** The model transformations the options ask for, applied after reading, in a fixed order. */
final class Transforms {
    private Transforms() {}

    /** Function filters, then source roots. */
    static Profile apply(Profile profile, Options options, String name, Warnings warnings) throws Failure {
        Profile p = profile;
        if (!options.include().isEmpty() || !options.exclude().isEmpty()) {
            try {
                p = new FunctionFilter(options.include(), options.exclude()).apply(p);
            } catch (UnsupportedTransformException e) {
                throw new Failure(name, e.getMessage());
            }
        }
        if (!options.sourceRoots().isEmpty()) {
            List<Path> roots = new ArrayList<>();
            for (String r : options.sourceRoots()) {
                roots.add(Path.of(r));
            }
            p = SourceRoots.resolve(p, roots);
        }
        return p;
    }

    static Profile merge(List<Profile> parts, String name) throws Failure {
        try {
            return ProfileMerger.merge(parts);
        } catch (UnsupportedTransformException e) {
            throw new Failure(name, "cannot merge: " + e.getMessage());
        }
    }
}
