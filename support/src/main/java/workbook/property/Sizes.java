package workbook.property;

import java.util.function.IntConsumer;

/**
 * How a generator of many things (a list, a byte array, a string) decides how many.
 *
 * <p>Before each element past {@code min} (and before {@code max}) comes one yes/no choice,
 * "one more?". So an element is a contiguous span of choices: deleting that span deletes the
 * element, and zeroing a "more" flag cuts the list there. A length drawn up front would not
 * shrink by deletion, because the length and the elements would have to change together.
 *
 * <p>Fresh tries steer the flags toward a length picked beforehand and not recorded
 * ({@link Bias#size}), so sizes are not stuck near the minimum.
 */
final class Sizes {
    private Sizes() {
    }

    static void check(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= min <= max, got min " + min + ", max " + max);
        }
    }

    /** Calls {@code element} with 0, 1, … once per element drawn; returns how many. */
    static int repeat(Source source, int min, int max, IntConsumer element) {
        int target = source.bias() != null ? source.bias().size(min, max) : min;
        int count = 0;
        while (count < max) {
            if (count >= min && source.steer(1, count < target ? 1 : 0) == 0) {
                break;
            }
            element.accept(count++);
        }
        return count;
    }
}
