package workbook.property;

import java.util.SplittableRandom;

/**
 * Where random tries look: every rule that makes a fresh try lean away from a uniform draw, in
 * one place. Bugs live at edges (0, the bounds, an empty list, a length boundary of UTF-8), in
 * small numbers, and where two values are equal or adjacent; a uniform draw over 2^32 values
 * almost never lands there.
 *
 * <p>How much a try leans depends on where it is in the run ({@link #sourceFor}):
 * <ul>
 *   <li>try 0 makes every choice its simplest (empty, zero, minimum);
 *   <li>tries 1 to {@value #EDGE_ROUNDS} are edge rounds: every choice that has edge values takes
 *       edge number {@code round} of them (modulo how many it has), so all minima, all maxima,
 *       0, 1 and -1 come in the first handful of tries, not by luck;
 *   <li>tries up to {@value #EARLY_TRIES} take an edge for half of their choices;
 *   <li>after that each try picks its lean from {@link #EDGE_CHANCES}, so edges still come often
 *       but the middle of every range is covered too.
 * </ul>
 *
 * <p>Within a try, each kind of choice has its rule: {@link #integerCode integers} (edges, small
 * values, neighbours of a value drawn earlier in the same try), {@link #size sizes} of lists,
 * byte arrays and strings (the bounds and 1, small sizes, anywhere), {@link #alphabetIndex code
 * points} (the alphabet's edges, the Basic Multilingual Plane, anywhere), and the
 * {@link #pick edge values} a generator names itself (the bytes 00, FF, 01, 7F, 80).
 *
 * <p>Replays never come here: they read recorded choices, and the shrinker only ever lowers them.
 * One Bias belongs to one fresh try.
 */
final class Bias {
    static final int EDGE_ROUNDS = 8;
    static final int EARLY_TRIES = 20;
    /** How often a later try's choices take an edge: each try picks one of these. */
    static final double[] EDGE_CHANCES = {0.0, 0.05, 0.2, 0.5};
    private static final double EARLY_EDGE_CHANCE = 0.5;
    private static final int REMEMBERED = 8;

    private final SplittableRandom random;
    private final double edgeChance;
    private final int edgeRound; // >= 0 in an edge round
    private final long[] recent = new long[REMEMBERED]; // integers drawn lately in this try
    private int remembered;

    private Bias(SplittableRandom random, double edgeChance, int edgeRound) {
        this.random = random;
        this.edgeChance = edgeChance;
        this.edgeRound = edgeRound;
    }

    /**
     * The source of try number {@code run} (0-based) of a run seeded with {@code random}.
     * Without {@code edgeRounds} (the kit's own tests, to shrink from large random starts) there
     * is no simplest try and no edge round.
     */
    static Source sourceFor(int run, SplittableRandom random, boolean edgeRounds) {
        if (run == 0 && edgeRounds) {
            return Source.replay(new long[0], Source.MAX_CHOICES);
        }
        SplittableRandom own = random.split(); // a try's values do not depend on how much earlier tries drew
        if (run <= EDGE_ROUNDS && edgeRounds) {
            return Source.fresh(new Bias(own, 1.0, run - 1));
        }
        double chance = run <= EARLY_TRIES ? EARLY_EDGE_CHANCE : EDGE_CHANCES[own.nextInt(EDGE_CHANCES.length)];
        return Source.fresh(new Bias(own, chance, -1));
    }

    /** Which of {@code count} edge values this choice takes, or -1 for none. */
    int edge(int count) {
        if (count == 0) {
            return -1;
        }
        if (edgeRound >= 0) {
            return edgeRound % count;
        }
        return random.nextDouble() < edgeChance ? random.nextInt(count) : -1;
    }

    /** A choice in [0, n]: one of {@code edges} now and then, else uniform. */
    long pick(long n, long[] edges) {
        int edge = edge(edges.length);
        return edge >= 0 ? edges[edge] : uniform(random, n);
    }

    /**
     * An integer's code: its edges; a quarter of the time a small code (a value near 0 or near the
     * bound nearest 0); a quarter of the time next to an integer drawn earlier in this try (bugs
     * that need two equal or adjacent numbers); else anywhere in the range.
     */
    long integerCode(IntegerChoice range) {
        long[] edges = range.edges;
        int edge = edge(edges.length);
        if (edge >= 0) {
            return edges[edge];
        }
        long lastCode = range.lastCode;
        return switch (random.nextInt(8)) {
            case 0, 1 -> {
                long small = (1L << random.nextInt(1, 17)) - 1;
                yield uniform(random, Long.compareUnsigned(lastCode, small) < 0 ? lastCode : small);
            }
            case 2, 3 -> near(range);
            default -> uniform(random, lastCode);
        };
    }

    private long near(IntegerChoice range) {
        int known = Math.min(remembered, recent.length);
        if (known == 0) {
            return uniform(random, range.lastCode);
        }
        long earlier = recent[random.nextInt(known)];
        long value;
        try {
            value = Math.addExact(earlier, random.nextBoolean() ? random.nextInt(-1, 2) : random.nextInt(-4, 5));
        } catch (ArithmeticException e) {
            value = earlier;
        }
        return range.code(Math.max(range.min, Math.min(range.max, value)));
    }

    /** Notes an integer this try drew, so later draws can land on it or next to it. */
    void remember(long value) {
        recent[remembered++ % recent.length] = value;
    }

    /**
     * How many elements a list, byte array or string of {@code min} to {@code max} elements should
     * get: the bounds and 1 as edges; else half the time anywhere, half the time few (most bugs
     * need few elements, and nested lists stay small).
     */
    int size(int min, int max) {
        int edge = edge(3);
        if (edge >= 0) {
            return switch (edge) {
                case 0 -> min;
                case 1 -> max;
                default -> Math.min(max, Math.max(min, 1));
            };
        }
        if (random.nextBoolean()) {
            return min + random.nextInt(max - min + 1);
        }
        int span = max - min;
        int small = (int) Math.min(span, Math.floor(-Math.log(1 - random.nextDouble()) * Math.min(8, span / 2.0 + 1)));
        return min + small;
    }

    /**
     * A code point's index in {@code alphabet}, as a choice (0 is the simplest member): its edges;
     * else half the time in the Basic Multilingual Plane, where most text lives; else anywhere.
     */
    long alphabetIndex(Alphabet alphabet) {
        long[] edges = alphabet.edges;
        long index;
        int edge = edge(edges.length);
        if (edge >= 0) {
            index = edges[edge];
        } else if (random.nextBoolean()) {
            index = random.nextLong(alphabet.bmpSize);
        } else {
            index = random.nextLong(alphabet.size());
        }
        return Math.floorMod(index - alphabet.origin, alphabet.size());
    }

    /** Uniform in [0, n], n read as unsigned. */
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
