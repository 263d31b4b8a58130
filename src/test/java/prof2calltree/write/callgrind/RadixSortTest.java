package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FunctionOrder's radix sort against the library's sort, for keys of every width it may meet. */
class RadixSortTest {
    @Test
    void sortsAsTheLibraryDoes() {
        Random random = new Random(11);
        for (int n : new int[] {0, 1, 2, 3, 100, 5000}) {
            for (int bits : new int[] {0, 1, 10, 11, 12, 22, 23, 33, 40, 63}) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
                }
                long[] expected = keys.clone();
                Arrays.sort(expected);
                assertArrayEquals(expected, FunctionOrder.radixSorted(keys.clone()), n + " keys of " + bits + " bits");
            }
        }
        long[] equal = new long[300];
        Arrays.fill(equal, 1L << 50);
        assertArrayEquals(equal.clone(), FunctionOrder.radixSorted(equal));
    }
}
