package prof2calltree.model.transform;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;

/**
 * Rewrites relative source paths (such as {@code java/util/HashMap.java}, which a JFR recording
 * implies) to the full path of the first source root that holds the file, so that KCacheGrind's
 * source view finds it. Paths found under no root are left as they are.
 */
public final class SourceRoots {
    private SourceRoots() {}

    /** The profile with every relative path that exists under one of {@code roots} made absolute. */
    public static Profile resolve(Profile profile, List<Path> roots) {
        if (roots.isEmpty()) {
            return profile;
        }
        Map<String, String> resolved = new HashMap<>();
        List<Function> functions = new ArrayList<>(profile.functions().size());
        boolean changed = false;
        for (Function f : profile.functions()) {
            String file = resolved.computeIfAbsent(f.file(), p -> find(p, roots));
            if (!file.equals(f.file())) {
                changed = true;
                f = new Function(f.id(), f.name(), file, f.object(), f.line(), f.qualifier());
            }
            functions.add(f);
        }
        return changed
                ? new Profile(profile.costTypes(), functions, profile.selfCosts(), profile.calls(), profile.stacks())
                : profile;
    }

    private static String find(String file, List<Path> roots) {
        if (file.isEmpty() || file.startsWith("<") || file.startsWith("/") || file.startsWith("[")) {
            return file;
        }
        for (Path root : roots) {
            try {
                Path candidate = root.resolve(file);
                if (Files.isRegularFile(candidate)) {
                    return candidate.toAbsolutePath().normalize().toString();
                }
            } catch (InvalidPathException e) {
                return file;
            }
        }
        return file;
    }
}
