package workbook.property;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
    private final java.util.function.LongSupplier clock;
    // Hashes only: a remembered 4 KiB payload sequence costs 64 KiB, and a rare collision just skips one replay.
    private final Set<Long> tried = new HashSet<>();
    private long[] best;
    private int replays;
    private int steps;
    private boolean interrupted;

    Shrinker(long[] failing, Replay replay, int maxReplays, long maxNanos, java.util.function.LongSupplier clock) {
        this.best = failing;
        this.replay = replay;
        this.maxReplays = maxReplays;
        this.clock = clock;
        this.deadline = clock.getAsLong() + maxNanos;
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

    /**
     * Runs the passes in turn until none finds anything. A pass that found nothing is not run
     * again until another pass has changed the sequence: it would only propose what it already
     * tried. The cheap, big edits (deleting, zeroing) come first, so the per-choice passes run
     * on a short sequence.
     */
    void shrink() {
        List<Runnable> passes = List.of(this::deleteChunks, this::zeroChunks, this::lowerDuplicates, this::lowerEach,
                this::lowerPairs, this::sortChunks, this::redistribute);
        long[][] settled = new long[passes.size()][]; // the sequence each pass last found nothing in
        boolean changed = true;
        while (changed && !stopped()) {
            changed = false;
            for (int p = 0; p < passes.size() && !stopped(); p++) {
                if (settled[p] == best) {
                    continue;
                }
                long[] before = best;
                passes.get(p).run();
                if (best == before) {
                    settled[p] = best;
                } else {
                    changed = true;
                }
            }
        }
    }

    /**
     * Deleting a span drops whole elements (an element is a flag and its choices, a tree node
     * often 3 choices), so every width from 8 down to 1 is tried at every position, from the end
     * toward the start. When a deletion works, the same deletion is tried over ever more spans to
     * its left ({@link #findInteger}): a run of deletable elements, most of a 3,000-byte payload
     * say, goes in a few dozen replays, not one replay per element. When a deletion alone does not
     * fail, lowering the choice just before it may: that choice is often a length that must
     * shrink together with its elements, and then as many more elements as the length allows go
     * with it.
     */
    private void deleteChunks() {
        for (int k = 8; k >= 1; k--) {
            int width = k;
            int i = best.length - k;
            while (i >= 0 && !stopped()) {
                // Deleting from the zeros at the end changes nothing: a replay reads zeros there anyway.
                int limit = Math.min(best.length - k, zeroTail(best) - 1);
                if (i > limit) {
                    i = limit;
                    continue;
                }
                long[] base = best;
                int at = i;
                int more = -1; // how many more spans to the left went too, when the span went
                if (consider(without(base, at, width))) {
                    more = findInteger(n -> at - n * width >= 0 && consider(without(base, at - n * width, (n + 1) * width)));
                } else if (at > 0 && base[at - 1] != 0 && consider(lowered(base, at, width, 1)) && best.length < base.length) {
                    // A flag or a length before the span governed it: a flag at 0 ends a list
                    // there, so grow the span to the left (a list cut short, its tail deleted);
                    // a length lowered by n lets n spans go, so grow it to the right. (When the
                    // sequence did not get shorter, the edit only lowered a value by 1: not worth
                    // growing.)
                    more = findInteger(n -> at - n * width > 0 && base[at - n * width - 1] != 0
                            && consider(lowered(base, at - n * width, (n + 1) * width, 1)));
                    if (more == 0) {
                        findInteger(n -> at + (n + 1) * width <= base.length
                                && Long.compareUnsigned(base[at - 1], n + 1) >= 0
                                && consider(lowered(base, at, (n + 1) * width, n + 1)));
                    }
                }
                i = more < 0 ? i - 1 : at - more * width - 1;
            }
        }
    }

    /** {@code choices} without {@code count} from {@code from}, and the choice before them lowered by {@code by}. */
    private static long[] lowered(long[] choices, int from, int count, long by) {
        long[] out = without(choices, from, count);
        out[from - 1] -= by;
        return out;
    }

    /**
     * Zeroing a span makes whole elements simplest at once (a run of bytes to 0x00); as with
     * deletion, a span that works is grown to the left, so a long run goes in a few replays.
     */
    private void zeroChunks() {
        for (int k = 8; k >= 2; k /= 2) {
            int width = k;
            for (int i = best.length - k; i >= 0 && !stopped(); i--) {
                if (i + k > best.length) {
                    i = best.length - k + 1;
                    continue;
                }
                if (allZero(best, i, k)) {
                    continue;
                }
                long[] base = best;
                int at = i;
                if (consider(zeroed(base, at, width))) {
                    int more = findInteger(n -> at - n * width >= 0 && consider(zeroed(base, at - n * width, (n + 1) * width)));
                    i = at - more * width;
                }
            }
        }
    }

    /**
     * The largest n for which {@code holds} is true, given it holds at 0 and (as good as) stops
     * holding once it fails: a few small n one by one, then doubling, then bisecting, so it costs
     * O(log n) tests (Hypothesis's find_integer).
     */
    static int findInteger(java.util.function.IntPredicate holds) {
        for (int n = 1; n <= 4; n++) {
            if (!holds.test(n)) {
                return n - 1;
            }
        }
        int lo = 4; // holds
        int hi = 8;
        while (holds.test(hi)) {
            lo = hi;
            if (hi > Integer.MAX_VALUE / 2) {
                return lo;
            }
            hi *= 2;
        }
        while (hi - lo > 1) { // holds at lo, not at hi
            int mid = lo + (hi - lo) / 2;
            if (holds.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        return replays >= maxReplays || clock.getAsLong() - deadline > 0;
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

    private static long[] zeroed(long[] choices, int from, int count) {
        long[] out = choices.clone();
        Arrays.fill(out, from, from + count, 0);
        return out;
    }

    /** Where the run of zeros that ends {@code choices} starts (its length if it ends in no zero). */
    private static int zeroTail(long[] choices) {
        int start = choices.length;
        while (start > 0 && choices[start - 1] == 0) {
            start--;
        }
        return start;
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
