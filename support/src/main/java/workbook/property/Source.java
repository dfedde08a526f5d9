package workbook.property;

import java.util.Arrays;

/**
 * The stream of choices a generator draws from: every random decision a {@link Gen} makes is a
 * number read from here and recorded.
 *
 * <p>A try either draws fresh choices, leaning as {@link Bias} says, or replays a recorded
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

    /** Draws a value for a choice in [0, n] when the try is fresh. */
    @FunctionalInterface
    interface Sampler {
        long sample(Bias bias);
    }

    private final long[] prefix;
    private final Bias bias; // null: a replay, and past the prefix every choice is its simplest, 0
    private final int maxChoices;
    private long[] choices = new long[32];
    private int size;

    private Source(long[] prefix, Bias bias, int maxChoices) {
        this.prefix = prefix;
        this.bias = bias;
        this.maxChoices = maxChoices;
    }

    /**
     * Replays {@code choices}; past their end every choice is 0, the simplest, which lets the
     * shrinker cut the tail of a sequence without knowing what the tail meant.
     */
    static Source replay(long[] choices, int maxChoices) {
        return new Source(choices, null, maxChoices);
    }

    /** A fresh try whose choices lean as {@code bias} says. */
    static Source fresh(Bias bias) {
        return new Source(new long[0], bias, MAX_CHOICES);
    }

    long[] choices() {
        return Arrays.copyOf(choices, size);
    }

    /** How this fresh try leans, or null when it replays. */
    Bias bias() {
        return bias;
    }

    /** A choice in [0, n], n read as unsigned; uniform, or one of {@code edges} now and then. */
    long choose(long n, long... edges) {
        return choose(n, b -> b.pick(n, edges));
    }

    /** A choice in [0, n] whose fresh value comes from {@code sampler}, clamped to n. */
    long choose(long n, Sampler sampler) {
        long value;
        if (size < prefix.length) {
            value = prefix[size];
        } else if (bias == null) {
            value = 0;
        } else {
            value = sampler.sample(bias);
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
     * A choice in [0, n] whose fresh value is {@code wanted}: lets a generator steer sizes
     * without recording the steering, so the recorded sequence stays deletable.
     */
    long steer(long n, long wanted) {
        return choose(n, b -> wanted);
    }

    /** Notes an integer this try drew, so later draws of a fresh try can land on or next to it. */
    void remember(long value) {
        if (bias != null) {
            bias.remember(value);
        }
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
}
