package prof2calltree.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The builder's compact stack table: repeats summed, first-seen order, threads kept apart. */
class StackTableTest {
    private static final CostType CPU = new CostType("CPU", "samples", "CPU samples");
    private static final CostType ALLOC = new CostType("Alloc", "bytes", "Allocated bytes");

    @Test
    void repeatsAreSummedAndStacksComeBackInTheOrderFirstAdded() {
        ProfileBuilder b = new ProfileBuilder(List.of(CPU, ALLOC));
        int main = b.function("main", "a.py", "", 1, "");
        int work = b.function("work", "a.py", "", 5, "");
        b.addStack(new int[] {main, work}, new int[] {2, 6}, "t1", 1, new long[] {1, 0});
        b.addStack(new int[] {main}, new int[] {3}, "t1", 2, new long[] {0, 64});
        b.addStack(new int[] {main, work}, new int[] {2, 6}, "t2", 1, new long[] {1, 0});
        b.addStack(new int[] {main, work}, new int[] {2, 6}, "t1", 3, new long[] {3, 8});
        b.addStack(new int[] {main, work}, new int[] {2, 7}, "t1", 1, new long[] {1, 0});
        Profile p = b.build();
        assertEquals(4, p.stacks().size());
        Stack first = p.stacks().get(0);
        assertArrayEquals(new int[] {main, work}, first.functions());
        assertArrayEquals(new int[] {2, 6}, first.lines());
        assertEquals("t1", first.thread());
        assertEquals(4, first.events());
        assertArrayEquals(new long[] {4, 8}, first.costs());
        assertEquals("t2", p.stacks().get(2).thread());
        assertArrayEquals(new int[] {2, 7}, p.stacks().get(3).lines());
        assertSame(p.stacks(), new Profile(p.costTypes(), p.functions(), p.selfCosts(), p.calls(), p.stacks()).stacks(),
                "a profile keeps the table rather than copying every stack");
    }

    /** Many deep stacks fill several blocks and grow the hash table; each must stay as added. */
    @Test
    void manyDeepStacksSurviveGrowthAcrossBlocks() {
        ProfileBuilder b = new ProfileBuilder(List.of(CPU));
        int[] ids = new int[50];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = b.function("f" + i, "m.py", "", i, "");
        }
        Random random = new Random(3);
        int n = 30_000;
        int[][] stacks = new int[n][];
        for (int s = 0; s < n; s++) {
            int depth = 1 + random.nextInt(60);
            stacks[s] = new int[depth];
            stacks[s][0] = s % 50; // the root varies, so that no two are alike
            for (int i = 1; i < depth; i++) {
                stacks[s][i] = ids[random.nextInt(50)];
            }
            stacks[s][depth - 1] = s / 50 % 50;
        }
        for (int round = 0; round < 2; round++) {
            for (int[] stack : stacks) {
                b.addStack(stack, stack, "", 1, new long[] {1});
            }
        }
        Profile p = b.build();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int[] stack : stacks) {
            distinct.add(java.util.Arrays.toString(stack));
        }
        assertEquals(distinct.size(), p.stacks().size());
        long events = 0;
        for (Stack s : p.stacks()) {
            assertArrayEquals(s.functions(), s.lines());
            events += s.events();
            assertEquals(s.events(), s.costs()[0]);
        }
        assertEquals(2L * n, events);
    }

    /** A call that recursion repeats within one stack is charged once per stack, not once per repeat. */
    @Test
    void recursionChargesEachCallOncePerStack() {
        ProfileBuilder b = new ProfileBuilder(List.of(CPU));
        int main = b.function("main", "a.py", "", 1, "");
        int walk = b.function("walk", "a.py", "", 5, "");
        int[] lines = {2, 6, 6, 6};
        b.addStack(new int[] {main, walk, walk, walk}, lines, "", 1, new long[] {10});
        b.addStack(new int[] {main, walk, walk, walk}, lines, "", 2, new long[] {20});
        b.addStack(new int[] {main, walk}, new int[] {2, 9}, "", 1, new long[] {5});
        Profile p = b.build();
        assertEquals(2, p.calls().size());
        Call mainToWalk = p.calls().get(0);
        Call walkToWalk = p.calls().get(1);
        assertEquals(main, mainToWalk.caller());
        assertEquals(4, mainToWalk.count(), "three stacks' events through main -> walk");
        assertEquals(35, mainToWalk.inclusive()[0]);
        assertEquals(walk, walkToWalk.caller());
        assertEquals(3, walkToWalk.count(), "walk -> walk repeats twice in a stack, counted once");
        assertEquals(30, walkToWalk.inclusive()[0]);
    }

    @Test
    void aBuiltProfileTakesNoMoreStacksAndNegativeCostsAreRefused() {
        ProfileBuilder b = new ProfileBuilder(List.of(CPU));
        int f = b.function("f", "a.py", "", 1, "");
        b.addStack(new int[] {f}, new int[] {1}, "", 1, new long[] {1});
        b.build();
        assertThrows(IllegalStateException.class, () -> b.addStack(new int[] {f}, new int[] {1}, "", 1, new long[] {1}));
        ProfileBuilder negative = new ProfileBuilder(List.of(CPU));
        int g = negative.function("g", "a.py", "", 1, "");
        negative.addStack(new int[] {g}, new int[] {1}, "", 1, new long[] {-3});
        IllegalStateException e = assertThrows(IllegalStateException.class, negative::build);
        assertEquals("negative self cost of g: -3", e.getMessage());
        // A failed build may have moved the builder's arrays: it is over all the same.
        e = assertThrows(IllegalStateException.class, negative::build);
        assertEquals("the profile is already built", e.getMessage());
    }
}
