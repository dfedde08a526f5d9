package workbook.property;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * How a generator of many things (a list, a byte array, a string) decides how many.
 *
 * <p>Before each element past {@code min} (and before {@code max}) comes one yes/no choice,
 * "one more?". So an element is a contiguous span of choices: deleting that span deletes the
 * element, and zeroing a "more" flag cuts the list there. A length drawn up front would not
 * shrink by deletion, because the length and the elements would have to change together.
 *
 * <p>Random tries steer the flags toward a length picked beforehand (not recorded): the bounds
 * and 1 often, otherwise spread over the whole range, so sizes are not stuck near the minimum.
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
        int target = source.isRandom() ? target(source, source.steering(), min, max) : min;
        int count = 0;
        while (count < max) {
            if (count >= min && source.steer(1, count < target ? 1 : 0) == 0) {
                break;
            }
            element.accept(count++);
        }
        return count;
    }

    private static int target(Source source, SplittableRandom r, int min, int max) {
        int edge = source.edgePick(r, 3);
        if (edge >= 0) {
            return switch (edge) {
                case 0 -> min;
                case 1 -> max;
                default -> Math.min(max, Math.max(min, 1));
            };
        }
        if (r.nextBoolean()) {
            return min + r.nextInt(max - min + 1);
        }
        // Small sizes half the time: most bugs need few elements, and nested lists stay small.
        int span = max - min;
        int small = (int) Math.min(span, Math.floor(-Math.log(1 - r.nextDouble()) * Math.min(8, span / 2.0 + 1)));
        return min + small;
    }
}
