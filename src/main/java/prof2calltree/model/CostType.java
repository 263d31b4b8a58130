package prof2calltree.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of cost a profile measures, such as time in nanoseconds or allocated bytes.
 *
 * @param name a short identifier: a letter, then letters, digits or {@code _} (callgrind's rule)
 * @param unit the unit every value of this cost is counted in, such as {@code ns} or {@code bytes}
 * @param description what a person reads in the viewer, naming the unit
 */
public record CostType(String name, String unit, String description) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public CostType {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad cost type name: " + name);
        }
    }
}
