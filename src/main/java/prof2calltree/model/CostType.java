package prof2calltree.model;

import java.util.Objects;

/**
 * One kind of cost a profile measures, such as time in nanoseconds or allocated bytes.
 *
 * @param name a short identifier: a letter, then letters, digits or {@code _} (callgrind's rule)
 * @param unit the unit every value of this cost is counted in, such as {@code ns} or {@code bytes}
 * @param description what a person reads in the viewer, naming the unit
 */
public record CostType(String name, String unit, String description) {
    public CostType {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!isName(name)) {
            throw new IllegalArgumentException("bad cost type name: " + name);
        }
    }

    /** A letter, then letters, digits or {@code _}: checked by hand, as a regex costs start-up time. */
    private static boolean isName(String name) {
        if (name == null || name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // Written out: a record's generated equals and hashCode are linked through method handles on
    // first use, which costs a small conversion start-up time. Same results as the generated ones.
    @Override
    public boolean equals(Object o) {
        return o instanceof CostType c && name.equals(c.name) && unit.equals(c.unit)
                && description.equals(c.description);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + unit.hashCode()) * 31 + description.hashCode();
    }
}
