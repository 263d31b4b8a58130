package prof2calltree.model.transform;

import java.math.BigInteger;
import java.util.Arrays;

/** Splits an integer amount in proportion to weights, exactly: the shares always sum to the amount. */
final class Shares {
    private Shares() {}

    /**
     * Largest-remainder split: each share is {@code amount * w / sum(w)} rounded down, and the
     * units left over go one each to the largest fractional parts, ties to the earliest weight.
     * All-zero weights count as equal weights.
     */
    static long[] split(long amount, long[] weights) {
        int n = weights.length;
        long[] shares = new long[n];
        if (n == 0 || amount == 0) {
            return shares;
        }
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        long[] w = weights;
        if (total == 0) {
            w = new long[n];
            Arrays.fill(w, 1);
            total = n;
        }
        long[] remainder = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long[] qr = divide(amount, w[i], total);
            shares[i] = qr[0];
            remainder[i] = qr[1];
            given += qr[0];
        }
        long left = amount - given;
        if (left > 0) {
            // Fewer than n units are left; the largest remainders get one each, ties to the earliest.
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            long[] rem = remainder;
            Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Long.compare(rem[b], rem[a]) : Integer.compare(a, b));
            for (int i = 0; i < left; i++) {
                shares[order[i]]++;
            }
        }
        return shares;
    }

    /** Quotient and remainder of {@code a * b / c}, without overflow. */
    private static long[] divide(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return new long[] {low / c, low % c};
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return new long[] {qr[0].longValueExact(), qr[1].longValueExact()};
    }
}
