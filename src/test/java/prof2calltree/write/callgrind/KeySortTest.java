package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FunctionOrder's sort of packed keys against the library's, for keys of every width and count it may meet. */
class KeySortTest {
    @Test
    void sortsAsTheLibraryDoes() {
        Random random = new Random(11);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 100, 5000}) {
            for (int bits : new int[] {0, 1, 10, 11, 12, 22, 23, 33, 40, 63}) {
                // A prefix of a longer array, as each file's keys are.
                long[] keys = new long[n + 3];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
                }
                long[] expected = Arrays.copyOf(keys, n);
                Arrays.sort(expected);
                long[] sorted = FunctionOrder.mergeSorted(keys.clone(), n, new long[n + 3]);
                assertArrayEquals(expected, Arrays.copyOf(sorted, n), n + " keys of " + bits + " bits");
            }
        }
        long[] equal = new long[300];
        Arrays.fill(equal, 1L << 50);
        assertArrayEquals(equal.clone(), FunctionOrder.mergeSorted(equal, 300, new long[300]));
    }
}
