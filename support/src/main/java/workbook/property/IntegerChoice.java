package workbook.property;

/**
 * How an integer in [min, max] is one choice, so that a smaller choice is a simpler integer.
 *
 * <p>With 0 in range the codes zig-zag out from it: 0, 1, -1, 2, -2, …, and once the shorter
 * side runs out, the rest of the longer side in order. Without 0, code 0 is the bound nearest
 * to 0 and codes count away from it. All arithmetic is unsigned so that
 * {@code longs(Long.MIN_VALUE, Long.MAX_VALUE)} has 2^64 codes.
 */
final class IntegerChoice {
    final long min;
    final long max;
    private final long positives; // with 0 in range: how many values above 0
    private final long negatives; // with 0 in range: how many values below 0 (unsigned)
    private final long paired;    // with 0 in range: min(positives, negatives)
    final long lastCode;  // the largest code: the range holds lastCode + 1 values (unsigned)
    final long[] edges;   // the codes of the edge values: the bounds and their neighbours, 0, 1, -1

    IntegerChoice(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
        this.min = min;
        this.max = max;
        if (min <= 0 && max >= 0) {
            positives = max;
            negatives = -min; // wraps to 2^63 unsigned for Long.MIN_VALUE, as wanted
            paired = Long.compareUnsigned(positives, negatives) < 0 ? positives : negatives;
            lastCode = positives + negatives;
        } else {
            positives = negatives = paired = 0;
            lastCode = max - min;
        }
        edges = java.util.stream.LongStream.of(min, max, 0, 1, -1, min + 1, max - 1)
                .filter(v -> v >= min && v <= max)
                .map(this::code)
                .distinct()
                .toArray();
    }

    long draw(Source source) {
        long value = value(source.choose(lastCode, bias -> bias.integerCode(this)));
        source.remember(value);
        return value;
    }

    long value(long code) {
        if (min > 0) {
            return min + code;
        }
        if (max < 0) {
            return max - code;
        }
        if (code == 0) {
            return 0;
        }
        long twicePaired = paired << 1;
        if (Long.compareUnsigned(code, twicePaired) <= 0) {
            return (code & 1) == 1 ? (code >>> 1) + 1 : -(code >>> 1);
        }
        long k = code - paired;
        return Long.compareUnsigned(positives, negatives) > 0 ? k : -k;
    }

    long code(long value) {
        if (min > 0) {
            return value - min;
        }
        if (max < 0) {
            return max - value;
        }
        if (value == 0) {
            return 0;
        }
        long k = value > 0 ? value : -value;
        if (Long.compareUnsigned(k, paired) <= 0) {
            return value > 0 ? 2 * k - 1 : 2 * k;
        }
        return k + paired;
    }
}
