package prof2calltree.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Damaged copies of a real input, made from a fixed seed so a failure can be replayed. */
final class Mutations {
    /** One damaged input and how it was made, for the failure message. */
    record Case(String how, byte[] bytes) {}

    private Mutations() {}

    static List<Case> of(byte[] original, long seed, int prefixes, int flips, int zeroed, int random, byte[] magic) {
        Random rnd = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < Math.min(64, original.length); i++) {
            cases.add(new Case("prefix " + i, Arrays.copyOf(original, i)));
        }
        for (int i = 1; i <= prefixes; i++) {
            int n = (int) ((long) original.length * i / (prefixes + 1));
            cases.add(new Case("prefix " + n, Arrays.copyOf(original, n)));
        }
        for (int i = 0; i < flips; i++) {
            byte[] b = original.clone();
            int count = 1 + rnd.nextInt(8);
            StringBuilder how = new StringBuilder("bit flips at");
            for (int k = 0; k < count; k++) {
                int pos = rnd.nextInt(b.length);
                b[pos] ^= (byte) (1 << rnd.nextInt(8));
                how.append(' ').append(pos);
            }
            cases.add(new Case(how.toString(), b));
        }
        for (int i = 0; i < zeroed; i++) {
            byte[] b = original.clone();
            int from = rnd.nextInt(b.length);
            int to = Math.min(b.length, from + 1 + rnd.nextInt(256));
            Arrays.fill(b, from, to, (byte) 0);
            cases.add(new Case("zeroed " + from + ".." + to, b));
        }
        for (int i = 0; i < random; i++) {
            byte[] b = new byte[magic.length + rnd.nextInt(4096)];
            rnd.nextBytes(b);
            System.arraycopy(magic, 0, b, 0, magic.length);
            cases.add(new Case("random bytes #" + i + " after the magic", b));
        }
        return cases;
    }
}
