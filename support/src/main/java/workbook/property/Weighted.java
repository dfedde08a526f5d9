package workbook.property;

import java.util.Objects;

/**
 * One option of {@link Gen#frequency}: a generator and how often to pick it relative to the others.
 *
 * @param weight not negative; an option of weight 0 is never picked
 * @param gen    the generator picked
 */
public record Weighted<T>(int weight, Gen<T> gen) {
    public Weighted {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative, got " + weight);
        }
        Objects.requireNonNull(gen, "gen");
    }

    public static <T> Weighted<T> of(int weight, Gen<T> gen) {
        return new Weighted<>(weight, gen);
    }
}
