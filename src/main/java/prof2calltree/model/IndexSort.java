package prof2calltree.model;

/**
 * Sorts indexes by a comparison of what they index, without boxing: a stable merge sort of an
 * int array, insertion sort for short runs. The builder sorts a million calls this way where a
 * {@code List<Call>} sort with a comparator chain took a tenth of a big conversion.
 */
final class IndexSort {
    /** Compares the things two indexes stand for. */
    interface Order {
        int compare(int a, int b);
    }

    private static final int SHORT_RUN = 12;

    private IndexSort() {}

    /** Sorts {@code index[from..to)} by {@code order}. */
    static void sort(int[] index, int from, int to, Order order) {
        if (to - from <= SHORT_RUN) {
            insertionSort(index, from, to, order);
            return;
        }
        int[] scratch = new int[to - from];
        mergeSort(index, from, to, order, scratch);
    }

    private static void mergeSort(int[] a, int from, int to, Order order, int[] scratch) {
        if (to - from <= SHORT_RUN) {
            insertionSort(a, from, to, order);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid, order, scratch);
        mergeSort(a, mid, to, order, scratch);
        if (order.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        int n = mid - from;
        System.arraycopy(a, from, scratch, 0, n);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < n && j < to) {
            a[k++] = order.compare(a[j], scratch[i]) < 0 ? a[j++] : scratch[i++];
        }
        System.arraycopy(scratch, i, a, k, n - i);
    }

    private static void insertionSort(int[] a, int from, int to, Order order) {
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= from && order.compare(a[j], x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /**
     * The indexes {@code 0..size-1} grouped by {@code keys} (in {@code [0, groups)}) in key order,
     * each group sorted by {@code within}: the builder's order of self costs and of calls.
     */
    static int[] groupedSorted(int[] keys, int size, int groups, Order within) {
        int[] starts = new int[groups + 1];
        int[] index = group(keys, size, groups, starts);
        for (int g = 0; g < groups; g++) {
            if (starts[g + 1] - starts[g] > 1) {
                sort(index, starts[g], starts[g + 1], within);
            }
        }
        return index;
    }

    /**
     * Groups {@code 0..keys.length-1} by key, in key order, keeping the original order within a
     * group (a counting sort): {@code keys} are in {@code [0, groups)}. Returns the indexes;
     * {@code starts}, of length {@code groups + 1}, receives where each group begins.
     */
    private static int[] group(int[] keys, int size, int groups, int[] starts) {
        for (int i = 0; i < size; i++) {
            starts[keys[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            starts[g + 1] += starts[g];
        }
        int[] next = java.util.Arrays.copyOf(starts, groups);
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[next[keys[i]]++] = i;
        }
        return index;
    }
}
