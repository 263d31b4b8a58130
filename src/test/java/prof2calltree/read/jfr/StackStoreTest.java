package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** A store emptied for another chunk, as ChunkPool reuses them, holds what a new one would. */
class StackStoreTest {
    /** Fills a store with stacks deep enough to need several blocks of frames. */
    private static void fill(StackStore store, int seed) {
        int main = store.function(FrameNames.of("Main", "main", "()V", "Interpreted"));
        for (int s = 0; s < 3000; s++) {
            int depth = 100 + (s + seed) % 300;
            int[] ids = new int[depth];
            int[] lines = new int[depth];
            Arrays.fill(ids, main);
            lines[depth - 1] = s;
            store.add(ids, lines, "t" + (s % 3), s % 2 == 0 ? EventKind.values()[0] : EventKind.values()[1], 1, s);
        }
    }

    private static List<String> contents(StackStore store) {
        List<String> out = new ArrayList<>();
        store.visit((functions, lines, thread, events, weights) -> out.add(Arrays.toString(functions)
                + Arrays.toString(lines) + thread + events + Arrays.toString(weights)));
        return out;
    }

    @Test
    void aResetStoreFillsAsANewOneAndGivesItsBlocksBack() {
        Queue<int[]> spare = new ConcurrentLinkedQueue<>();
        StackStore reused = new StackStore(spare);
        fill(reused, 1);
        reused.reset();
        assertEquals(0, reused.size());
        assertTrue(spare.size() >= 2, "blocks given back: " + spare.size());
        StackStore other = new StackStore(spare); // takes blocks the first gave back
        fill(other, 7);
        fill(reused, 2);
        StackStore fresh = new StackStore();
        fill(fresh, 2);
        assertEquals(contents(fresh), contents(reused));
        StackStore fresh7 = new StackStore();
        fill(fresh7, 7);
        assertEquals(contents(fresh7), contents(other));
    }
}
