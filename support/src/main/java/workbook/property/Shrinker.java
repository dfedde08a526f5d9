package workbook.property;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shrinks a failing choice sequence to a simpler one that still fails, by editing the numbers
 * and replaying the property; it never sees a value, so no type needs a shrinker of its own.
 *
 * <p>"Simpler" is shortlex: a shorter sequence is simpler, and among equal lengths the
 * lexicographically smaller one (choices compared unsigned). Generators map smaller choices to
 * simpler values, so a simpler sequence means fewer and smaller elements. Every pass only ever
 * proposes simpler sequences, so shrinking always ends; it also stops at a budget of replays
 * and of time, so a slow property cannot stall a test run.
 */
final class Shrinker {
    /** Replays a sequence; returns the choices the failing replay consumed, or null if it did not fail the same way. */
    @FunctionalInterface
    interface Replay {
        long[] failing(long[] choices, int maxChoices);
    }

    /** How many of the smallest values {@link #lowerEach} tries one by one before bisecting. */
    private static final long SMALL = 8;

    private final Replay replay;
    private final int maxReplays;
    private final long deadline;
    // Hashes only: a remembered 4 KiB payload sequence costs 64 KiB, and a rare collision just skips one replay.
    private final Set<Long> tried = new HashSet<>();
    private long[] best;
    private int replays;
    private int steps;
    private boolean interrupted;

    Shrinker(long[] failing, Replay replay, int maxReplays, long maxNanos) {
        this.best = failing;
        this.replay = replay;
        this.maxReplays = maxReplays;
        this.deadline = System.nanoTime() + maxNanos;
    }

    long[] best() {
        return best;
    }

    /** How many times a simpler failing sequence was found. */
    int steps() {
        return steps;
    }

    int replays() {
        return replays;
    }

    /** Whether shrinking stopped early: budget spent or thread interrupted. */
    boolean stoppedEarly() {
        return interrupted || budgetSpent();
    }

    boolean interrupted() {
        return interrupted;
    }

    void shrink() {
        long[] before = null;
        while (!Arrays.equals(before, best) && !stopped()) {
            before = best;
            deleteChunks();
            zeroChunks();
            lowerDuplicates();
            lowerEach();
            lowerPairs();
            sortChunks();
            redistribute();
        }
    }

    /**
     * Deleting a span drops whole elements (an element is a flag and its choices). Large spans
     * first, a few positions each, so a 4&nbsp;KiB payload is cut in halves, not byte by byte.
     * When a deletion alone does not fail, lowering the choice just before it may: that choice
     * is often a length or a "more" flag that must shrink together with its elements.
     */
    private void deleteChunks() {
        for (int k = Integer.highestOneBit(Math.max(1, best.length / 2)); k > 8; k /= 2) {
            for (int i = best.length - k; i >= 0 && !stopped(); i -= k) {
                if (i + k <= best.length) {
                    consider(without(best, i, k));
                }
            }
        }
        for (int k = 8; k >= 1; k--) { // every width, not only powers of 2: a tree node is often 3 choices
            for (int i = best.length - k; i >= 0 && !stopped(); i--) {
                if (i + k > best.length) {
                    continue;
                }
                long[] attempt = without(best, i, k);
                if (!consider(attempt) && i > 0 && attempt[i - 1] != 0) {
                    attempt[i - 1]--;
                    consider(attempt);
                }
            }
        }
    }

    /** Zeroing a span makes whole elements simplest at once (say, a run of bytes to 0x00). */
    private void zeroChunks() {
        for (int k = 8; k >= 2; k /= 2) {
            for (int i = best.length - k; i >= 0 && !stopped(); i--) {
                if (i + k > best.length || allZero(best, i, k)) {
                    continue;
                }
                long[] attempt = best.clone();
                Arrays.fill(attempt, i, i + k, 0);
                consider(attempt);
            }
        }
    }

    /**
     * Lowers all copies of a value together: a failure that needs two equal elements (a
     * duplicate in a list) cannot shrink one copy at a time.
     */
    private void lowerDuplicates() {
        TreeMap<Long, int[]> positions = new TreeMap<>();
        for (int i = 0; i < best.length; i++) {
            if (best[i] != 0) {
                int[] at = positions.getOrDefault(best[i], new int[0]);
                at = Arrays.copyOf(at, at.length + 1);
                at[at.length - 1] = i;
                positions.put(best[i], at);
            }
        }
        for (var entry : positions.entrySet()) {
            int[] at = entry.getValue();
            if (at.length < 2 || stopped()) {
                continue;
            }
            long[] base = best;
            if (at[at.length - 1] >= base.length || !sameAt(base, at, entry.getKey())) {
                continue;
            }
            lowerBySearch(entry.getKey(), v -> {
                long[] attempt = base.clone();
                for (int i : at) {
                    attempt[i] = v;
                }
                return consider(attempt);
            });
        }
    }

    /** Binary-searches each choice down to the smallest value that still fails. */
    private void lowerEach() {
        for (int i = best.length - 1; i >= 0 && !stopped(); i--) {
            if (i >= best.length || best[i] == 0) {
                continue;
            }
            int index = i;
            long[] base = best;
            // Small values one by one first: "a multiple of 7" or "even" is not monotone, so
            // a binary search alone can stop at 350 when 14 fails too.
            boolean done = false;
            for (long v = 0; v < SMALL && Long.compareUnsigned(v, base[index]) < 0 && !done && !stopped(); v++) {
                long[] attempt = base.clone();
                attempt[index] = v;
                done = consider(attempt);
            }
            if (done) {
                continue;
            }
            lowerBySearch(base[index], v -> {
                long[] attempt = base.clone();
                attempt[index] = v;
                return consider(attempt);
            });
        }
    }

    /**
     * Lowers two nearby choices by the same amount: a failure that depends on their difference
     * ("a and b are 4 apart") survives this, while lowering either alone breaks it.
     */
    private void lowerPairs() {
        for (int gap = 1; gap <= 4; gap++) {
            for (int i = best.length - 1 - gap; i >= 0 && !stopped(); i--) {
                int j = i + gap;
                if (j >= best.length || best[i] == 0 || best[j] == 0) {
                    continue;
                }
                long[] base = best;
                int first = i;
                long most = Long.compareUnsigned(base[i], base[j]) < 0 ? base[i] : base[j];
                lowerBySearch(most, v -> {
                    long[] attempt = base.clone();
                    attempt[first] -= most - v;
                    attempt[j] -= most - v;
                    return consider(attempt);
                });
            }
        }
    }

    /** Sorting a span puts the simpler elements first, which makes results the same from every start. */
    private void sortChunks() {
        for (int k = 8; k >= 2; k /= 2) {
            for (int i = best.length - k; i >= 0 && !stopped(); i--) {
                if (i + k > best.length) {
                    continue;
                }
                long[] attempt = best.clone();
                long[] span = Arrays.copyOfRange(attempt, i, i + k);
                Long[] boxed = Arrays.stream(span).boxed().sorted(Long::compareUnsigned).toArray(Long[]::new);
                for (int j = 0; j < k; j++) {
                    attempt[i + j] = boxed[j];
                }
                consider(attempt);
            }
        }
    }

    /**
     * Moves value from an earlier choice to a later one: for "a + b must stay large" failures,
     * lowering either alone stops the failure, but shifting from a to b keeps it and is simpler.
     */
    private void redistribute() {
        for (int gap = 1; gap <= 4; gap++) {
            for (int i = best.length - 1 - gap; i >= 0 && !stopped(); i--) {
                int j = i + gap;
                if (j >= best.length || best[i] == 0) {
                    continue;
                }
                long[] base = best;
                int first = i;
                if (Long.compareUnsigned(base[i], base[j]) > 0) {
                    // A swap is the redistribution a bisection over the sum rarely lands on.
                    long[] swapped = base.clone();
                    swapped[i] = base[j];
                    swapped[j] = base[i];
                    if (consider(swapped)) {
                        continue;
                    }
                }
                lowerBySearch(base[first], v -> {
                    long moved = base[first] - v;
                    long target = base[j] + moved;
                    if (Long.compareUnsigned(target, base[j]) < 0) {
                        return false; // would wrap
                    }
                    long[] attempt = base.clone();
                    attempt[first] = v;
                    attempt[j] = target;
                    return consider(attempt);
                });
            }
        }
    }

    /** Finds (nearly) the smallest v in [0, high) for which {@code fails} holds, given it holds at high. */
    private void lowerBySearch(long high, LongTest fails) {
        if (fails.test(0)) {
            return;
        }
        if (Long.compareUnsigned(high, 1) > 0 && fails.test(1)) {
            return;
        }
        long lo = 1; // does not fail
        long hi = high; // fails
        while (Long.compareUnsigned(hi - lo, 1) > 0 && !stopped()) {
            long mid = lo + ((hi - lo) >>> 1);
            if (fails.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }

    @FunctionalInterface
    private interface LongTest {
        boolean test(long value);
    }

    /** Replays {@code attempt} unless known; adopts what it consumed if that fails and is simpler. Returns whether it failed. */
    boolean consider(long[] attempt) {
        if (Arrays.equals(attempt, best)) {
            return true;
        }
        if (!simpler(attempt, best) || stopped() || !tried.add(hash(attempt))) {
            return false;
        }
        replays++;
        long[] consumed = replay.failing(attempt, best.length);
        if (consumed == null) {
            return false;
        }
        if (simpler(consumed, best)) {
            best = consumed;
            steps++;
        }
        return true;
    }

    private boolean stopped() {
        if (Thread.currentThread().isInterrupted()) {
            interrupted = true;
        }
        return interrupted || budgetSpent();
    }

    private boolean budgetSpent() {
        return replays >= maxReplays || System.nanoTime() - deadline > 0;
    }

    /** Shortlex: shorter, or as long and lexicographically smaller (unsigned). */
    static boolean simpler(long[] a, long[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return Arrays.compareUnsigned(a, b) < 0;
    }

    private static long[] without(long[] choices, int from, int count) {
        long[] out = new long[choices.length - count];
        System.arraycopy(choices, 0, out, 0, from);
        System.arraycopy(choices, from + count, out, from, choices.length - from - count);
        return out;
    }

    private static boolean allZero(long[] choices, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (choices[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAt(long[] choices, int[] at, long value) {
        for (int i : at) {
            if (choices[i] != value) {
                return false;
            }
        }
        return true;
    }

    private static long hash(long[] choices) {
        long h = 0x9E3779B97F4A7C15L ^ choices.length;
        for (long c : choices) {
            h = (h ^ c) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
