package workbook.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of Unicode code points that {@link Gen#strings} draws from. Immutable.
 *
 * <p>Strings shrink toward the code point {@code '0'} when the set holds printable ASCII (the
 * set is walked upward from the first member at or above {@code '0'}, wrapping around), else
 * toward the set's lowest member. Random draws favour the set's edges (lowest, highest, and the
 * UTF-8 length boundaries U+007F/U+0080, U+07FF/U+0800, U+FFFF/U+10000) and the Basic
 * Multilingual Plane, where most text lives ({@link Bias#alphabetIndex}).
 */
public final class Alphabet {
    // Before the constants below: their constructors read it.
    private static final int[] UTF8_EDGES = {0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, Character.MAX_CODE_POINT};

    /** Printable ASCII (U+0020–U+007E) and the common controls {@code \t \n \u000B \f \r}. */
    public static final Alphabet ASCII = range(0x20, 0x7E).union(of("\t\n\u000B\f\r"));

    /** Every Unicode scalar value: U+0000–U+10FFFF without the surrogates U+D800–U+DFFF. */
    public static final Alphabet UNICODE = range(0, Character.MAX_CODE_POINT)
            .minus(range(Character.MIN_SURROGATE, Character.MAX_SURROGATE));

    /** Exactly the code points for which Go's {@code unicode.IsSpace} is true. */
    public static final Alphabet GO_WHITESPACE = of("\t\n\u000B\f\r \u0085\u00A0\u1680")
            .union(range(0x2000, 0x200A))
            .union(of("\u2028\u2029\u202F\u205F\u3000"));

    // Sorted, disjoint, non-adjacent ranges [lo[i], hi[i]]; below[i] counts the members before lo[i].
    private final int[] lo;
    private final int[] hi;
    private final long[] below;
    private final long size;
    final long origin;  // index of the simplest member, which choice 0 draws
    final long bmpSize; // how many members lie in the Basic Multilingual Plane (they come first)
    final long[] edges; // indexes of the edge members: lowest, highest, simplest, UTF-8 length boundaries

    private Alphabet(int[] lo, int[] hi) {
        this.lo = lo;
        this.hi = hi;
        this.below = new long[lo.length];
        long n = 0;
        for (int i = 0; i < lo.length; i++) {
            below[i] = n;
            n += (long) hi[i] - lo[i] + 1;
        }
        this.size = n;
        long simplest = firstAtOrAbove('0');
        this.origin = simplest >= 0 && n > 0 && codePointAt(simplest) <= 0x7E ? simplest : 0;
        long bmp = firstAtOrAbove(0x10000);
        this.bmpSize = bmp < 0 ? n : bmp;
        this.edges = n == 0 ? new long[0] : edgeIndexes();
    }

    /** The code points of {@code chars} (surrogate pairs count as one code point). */
    public static Alphabet of(String chars) {
        return fromCodePoints(chars.codePoints().toArray());
    }

    /** The code points {@code lo} to {@code hi}, both included. */
    public static Alphabet range(int lo, int hi) {
        if (lo < 0 || hi > Character.MAX_CODE_POINT || lo > hi) {
            throw new IllegalArgumentException("need 0 <= lo <= hi <= 0x10FFFF, got lo " + lo + ", hi " + hi);
        }
        return new Alphabet(new int[] {lo}, new int[] {hi});
    }

    /** The code points in this set or in any of {@code others}. */
    public Alphabet union(Alphabet... others) {
        List<int[]> ranges = new ArrayList<>();
        addRanges(ranges, this);
        for (Alphabet other : others) {
            addRanges(ranges, other);
        }
        return normalize(ranges);
    }

    /** The code points in this set and in none of {@code others}. */
    public Alphabet minus(Alphabet... others) {
        Alphabet result = this;
        for (Alphabet other : others) {
            List<int[]> ranges = new ArrayList<>();
            for (int i = 0; i < result.lo.length; i++) {
                int start = result.lo[i];
                int end = result.hi[i];
                for (int j = 0; j < other.lo.length && start <= end; j++) {
                    if (other.hi[j] < start || other.lo[j] > end) {
                        continue;
                    }
                    if (other.lo[j] > start) {
                        ranges.add(new int[] {start, other.lo[j] - 1});
                    }
                    start = other.hi[j] + 1;
                }
                if (start <= end) {
                    ranges.add(new int[] {start, end});
                }
            }
            result = normalize(ranges);
        }
        return result;
    }

    /** Whether {@code codePoint} is in this set. */
    public boolean contains(int codePoint) {
        int i = rangeOf(codePoint);
        return i >= 0 && codePoint <= hi[i];
    }

    /** How many code points this set holds. */
    public long size() {
        return size;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Alphabet[");
        for (int i = 0; i < lo.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format("U+%04X", lo[i]));
            if (hi[i] != lo[i]) {
                text.append(String.format("–U+%04X", hi[i]));
            }
        }
        return text.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alphabet other && Arrays.equals(lo, other.lo) && Arrays.equals(hi, other.hi);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    /** Draws one code point: choice 0 is the simplest member. */
    int draw(Source source) {
        if (size == 0) {
            throw new IllegalStateException("cannot draw from an empty alphabet");
        }
        long choice = source.choose(size - 1, bias -> bias.alphabetIndex(this));
        return codePointAt(Math.floorMod(origin + choice, size));
    }

    int codePointAt(long index) {
        int i = Arrays.binarySearch(below, index);
        if (i < 0) {
            i = -i - 2;
        }
        return (int) (lo[i] + (index - below[i]));
    }

    /** The index of the first member at or above {@code codePoint}, or -1 if none. */
    private long firstAtOrAbove(int codePoint) {
        for (int i = 0; i < lo.length; i++) {
            if (hi[i] >= codePoint) {
                return below[i] + Math.max(0, codePoint - lo[i]);
            }
        }
        return -1;
    }

    private int rangeOf(int codePoint) {
        int i = Arrays.binarySearch(lo, codePoint);
        return i >= 0 ? i : -i - 2;
    }

    private long[] edgeIndexes() {
        List<Long> found = new ArrayList<>(List.of(0L, size - 1, origin));
        for (int edge : UTF8_EDGES) {
            if (contains(edge)) {
                found.add(firstAtOrAbove(edge));
            }
        }
        return found.stream().mapToLong(Long::longValue).distinct().toArray();
    }

    private static void addRanges(List<int[]> into, Alphabet a) {
        for (int i = 0; i < a.lo.length; i++) {
            into.add(new int[] {a.lo[i], a.hi[i]});
        }
    }

    private static Alphabet fromCodePoints(int[] codePoints) {
        List<int[]> ranges = new ArrayList<>();
        for (int cp : codePoints) {
            ranges.add(new int[] {cp, cp});
        }
        return normalize(ranges);
    }

    private static Alphabet normalize(List<int[]> ranges) {
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return new Alphabet(merged.stream().mapToInt(r -> r[0]).toArray(), merged.stream().mapToInt(r -> r[1]).toArray());
    }
}
