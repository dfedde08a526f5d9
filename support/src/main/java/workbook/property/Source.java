package workbook.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stream of choices a generator draws from: every random decision a {@link Gen} makes is a
 * number read from here and recorded.
 *
 * <p>A try either draws fresh choices from a seeded random generator, or replays a recorded
 * sequence. The shrinker never looks at values: it edits the recorded numbers (shorter, smaller)
 * and replays them, so any generator built from {@code Gen}'s factories and combinators shrinks
 * with no shrinker of its own. Generators agree that a smaller choice means a simpler value.
 *
 * <p>A generator written by hand draws through other generators, for example
 * {@code source -> Gen.integers(0, 9).generate(source) * 2}; the choice primitives are internal.
 * A source belongs to one try on one thread.
 */
public final class Source {
    /** Enough for a few 4&nbsp;KiB byte arrays; a try that needs more is discarded, not failed. */
    static final int MAX_CHOICES = 1 << 17;

    /** Draws a value for a choice in [0, n] when the try is random. */
    @FunctionalInterface
    interface Sampler {
        long sample(SplittableRandom random);
    }

    private final long[] prefix;
    private final SplittableRandom random; // null: past the prefix every choice is its simplest, 0
    private final double edgeBias;
    private final int edgeRound; // >= 0: every choice with edges takes edge number edgeRound (mod count)
    private final int maxChoices;
    private long[] choices = new long[32];
    private int size;
    private final long[] recent = new long[8]; // integers drawn lately in this try, for near-duplicates
    private int remembered;

    private Source(long[] prefix, SplittableRandom random, double edgeBias, int edgeRound, int maxChoices) {
        this.prefix = prefix;
        this.random = random;
        this.edgeBias = edgeBias;
        this.edgeRound = edgeRound;
        this.maxChoices = maxChoices;
    }

    /**
     * Replays {@code choices}; past their end every choice is 0, the simplest, which lets the
     * shrinker cut the tail of a sequence without knowing what the tail meant.
     */
    static Source replay(long[] choices, int maxChoices) {
        return new Source(choices, null, 0, -1, maxChoices);
    }

    /** A fresh try; with probability {@code edgeBias} a choice that has edge values picks one. */
    static Source random(SplittableRandom random, double edgeBias) {
        return new Source(new long[0], random, edgeBias, -1, MAX_CHOICES);
    }

    /**
     * A fresh try in which every choice that has edge values takes edge number {@code round}
     * (modulo how many it has): the first tries walk through the edges systematically, so
     * min, max, 0 and 1 are all seen in the first handful of tries instead of by luck.
     */
    static Source edges(SplittableRandom random, int round) {
        return new Source(new long[0], random, 1.0, round, MAX_CHOICES);
    }

    long[] choices() {
        return Arrays.copyOf(choices, size);
    }

    boolean isRandom() {
        return random != null;
    }

    /** A choice in [0, n], n read as unsigned; uniform, or one of {@code edges} now and then. */
    long choose(long n, long... edges) {
        return choose(n, r -> {
            int edge = edgePick(r, edges.length);
            return edge >= 0 ? edges[edge] : uniform(r, n);
        });
    }

    /** Which of {@code count} edge values a random choice takes, or -1 for none. */
    int edgePick(SplittableRandom r, int count) {
        if (count == 0) {
            return -1;
        }
        if (edgeRound >= 0) {
            return edgeRound % count;
        }
        return r.nextDouble() < edgeBias ? r.nextInt(count) : -1;
    }

    /** A choice in [0, n] whose random value comes from {@code sampler}, clamped to n. */
    long choose(long n, Sampler sampler) {
        long value;
        if (size < prefix.length) {
            value = prefix[size];
        } else if (random == null) {
            value = 0;
        } else {
            value = sampler.sample(random);
        }
        // A replayed value can exceed n when an earlier edit changed what this choice decides
        // (say, a list got shorter); clamping keeps the try valid and only ever makes it simpler.
        if (Long.compareUnsigned(value, n) > 0) {
            value = n;
        }
        record(value);
        return value;
    }

    /**
     * A choice in [0, n] whose random value is {@code wanted}: lets a generator steer sizes
     * without recording the steering, so the recorded sequence stays deletable.
     */
    long steer(long n, long wanted) {
        return choose(n, r -> wanted);
    }

    /** The random generator behind a fresh try, for steering decisions that are not recorded. */
    SplittableRandom steering() {
        return random;
    }

    /** Notes an integer value this try drew, so later draws can land on or next to it. */
    void remember(long value) {
        if (random != null) {
            recent[remembered++ % recent.length] = value;
        }
    }

    /** One integer drawn earlier in this try (as a one-element array), or an empty array. */
    long[] recall(SplittableRandom r) {
        int known = Math.min(remembered, recent.length);
        return known == 0 ? new long[0] : new long[] {recent[r.nextInt(known)]};
    }

    private void record(long value) {
        if (size == maxChoices) {
            throw Rejected.OVERRUN;
        }
        if (size == choices.length) {
            choices = Arrays.copyOf(choices, Math.min(maxChoices, size * 2));
        }
        choices[size++] = value;
    }

    /** Uniform in [0, n], n unsigned. */
    static long uniform(SplittableRandom r, long n) {
        if (n == -1L) {
            return r.nextLong();
        }
        if (n >= 0 && n < Long.MAX_VALUE) {
            return r.nextLong(n + 1);
        }
        while (true) { // n > 2^63: at least half of all longs are in range
            long x = r.nextLong();
            if (Long.compareUnsigned(x, n) <= 0) {
                return x;
            }
        }
    }
}
