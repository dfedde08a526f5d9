package workbook.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of type {@code T}, drawn from a {@link Source} of recorded choices.
 *
 * <p>Every generator made from these factories and combinators shrinks: the kit shrinks the
 * recorded choices and generates again, so a {@code map}, {@code flatMap}, {@code filter} or
 * {@code combine} needs no shrinker of its own. A generator must be a pure function of the
 * choices it draws (no randomness or state of its own), or failures will not replay.
 *
 * <p>Generators are immutable and may be shared between properties and threads.
 */
@FunctionalInterface
public interface Gen<T> {
    /** How many times {@link #filter} draws again before it gives up on the try. */
    int FILTER_ATTEMPTS = 100;

    /** Draws one value. Called by the kit; a hand-written generator calls it on other generators. */
    T generate(Source source);

    /** Values of this generator passed through {@code f}; shrinks as this generator does. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return source -> f.apply(generate(source));
    }

    /**
     * A generator chosen by a value of this one, for values that depend on each other (a length,
     * then that many bytes). Shrinks both: the first value, and what the second generator drew.
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
        Objects.requireNonNull(f, "f");
        return source -> f.apply(generate(source)).generate(source);
    }

    /**
     * Only the values that satisfy {@code p}. Draws again on a miss; after
     * {@value #FILTER_ATTEMPTS} misses in a row the try is discarded (it is neither a pass nor a
     * failure), so a filter that rarely passes makes few tries, never an endless loop.
     */
    default Gen<T> filter(Predicate<? super T> p) {
        Objects.requireNonNull(p, "p");
        return source -> {
            for (int i = 0; i < FILTER_ATTEMPTS; i++) {
                T value = generate(source);
                if (p.test(value)) {
                    return value;
                }
            }
            throw Rejected.FILTER;
        };
    }

    /**
     * Integers from {@code min} to {@code max}, both included. The bounds, 0, 1 and -1 (when in
     * range) come often. Shrinks toward 0 when in range, else toward the bound nearest 0.
     */
    static Gen<Integer> integers(int min, int max) {
        IntegerChoice choice = new IntegerChoice(min, max);
        return source -> (int) choice.draw(source);
    }

    /** Longs from {@code min} to {@code max}, both included; edges and shrinking as {@link #integers}. */
    static Gen<Long> longs(long min, long max) {
        IntegerChoice choice = new IntegerChoice(min, max);
        return choice::draw;
    }

    /** {@code false} or {@code true}; shrinks toward {@code false}. */
    static Gen<Boolean> booleans() {
        return source -> source.choose(1) == 1;
    }

    /**
     * Byte arrays of {@code minSize} to {@code maxSize} bytes. Sizes {@code minSize},
     * {@code maxSize} and 1 come often, and the bytes 0x00, 0xFF, 0x01, 0x7F, 0x80. Shrinks to
     * shorter arrays and to 0x00 bytes. Each array is new, so a property may fill it.
     */
    static Gen<byte[]> bytes(int minSize, int maxSize) {
        Sizes.check(minSize, maxSize);
        long[] edges = {0x00, 0xFF, 0x01, 0x7F, 0x80};
        return source -> {
            var out = new java.io.ByteArrayOutputStream();
            Sizes.repeat(source, minSize, maxSize, i -> out.write((int) source.choose(255, edges)));
            return out.toByteArray();
        };
    }

    /**
     * Unmodifiable lists of {@code minSize} to {@code maxSize} elements drawn from {@code element}.
     * The empty (or minimum), the full and the one-element list come often. Shrinks by dropping
     * elements and by shrinking each element.
     */
    static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        Sizes.check(minSize, maxSize);
        return source -> {
            List<T> items = new ArrayList<>();
            Sizes.repeat(source, minSize, maxSize, i -> items.add(element.generate(source)));
            return Collections.unmodifiableList(items);
        };
    }

    /**
     * Strings of {@code minLength} to {@code maxLength} code points from {@code alphabet} (so the
     * {@code String.length()} may be larger: a supplementary code point takes two chars).
     */
    static Gen<String> strings(Alphabet alphabet, int minLength, int maxLength) {
        Objects.requireNonNull(alphabet, "alphabet");
        Sizes.check(minLength, maxLength);
        if (alphabet.size() == 0 && maxLength > 0) {
            throw new IllegalArgumentException("alphabet is empty but maxLength is " + maxLength);
        }
        return source -> {
            StringBuilder text = new StringBuilder();
            Sizes.repeat(source, minLength, maxLength, i -> text.appendCodePoint(alphabet.draw(source)));
            return text.toString();
        };
    }

    /** Always {@code value}; draws nothing. */
    static <T> Gen<T> constant(T value) {
        return source -> value;
    }

    /** A value of one of {@code gens}, picked uniformly; shrinks toward the first generator. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        if (gens.length == 0) {
            throw new IllegalArgumentException("oneOf needs at least one generator");
        }
        List<Gen<? extends T>> options = List.of(gens);
        return source -> options.get((int) source.choose(options.size() - 1)).generate(source);
    }

    /** One of {@code values}, picked uniformly; shrinks toward the first. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("elements needs at least one value");
        }
        List<T> options = java.util.Arrays.asList(values.clone()); // values may hold null
        return source -> options.get((int) source.choose(options.size() - 1));
    }

    /**
     * A value of one of the weighted generators, each picked in proportion to its weight;
     * shrinks toward the first option.
     */
    static <T> Gen<T> frequency(List<Weighted<T>> choices) {
        List<Weighted<T>> options = List.copyOf(choices);
        long total = options.stream().mapToLong(Weighted::weight).sum();
        if (total == 0) {
            throw new IllegalArgumentException("frequency needs a positive total weight, got " + options.size() + " options weighing 0");
        }
        return source -> {
            long pick = source.choose(total - 1);
            for (Weighted<T> option : options) {
                if (pick < option.weight()) {
                    return option.gen().generate(source);
                }
                pick -= option.weight();
            }
            throw new AssertionError("unreachable: pick within total weight");
        };
    }

    /** A value built from one value of each generator, for example into a record. */
    static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<A, B, R> f) {
        Objects.requireNonNull(f, "f");
        return source -> {
            A first = a.generate(source);
            return f.apply(first, b.generate(source));
        };
    }

    /** A value built from one value of each generator, for example into a record. */
    static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Function3<A, B, C, R> f) {
        Objects.requireNonNull(f, "f");
        return source -> {
            A first = a.generate(source);
            B second = b.generate(source);
            return f.apply(first, second, c.generate(source));
        };
    }

    /** A value built from one value of each generator, for example into a record. */
    static <A, B, C, D, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Function4<A, B, C, D, R> f) {
        Objects.requireNonNull(f, "f");
        return source -> {
            A first = a.generate(source);
            B second = b.generate(source);
            C third = c.generate(source);
            return f.apply(first, second, third, d.generate(source));
        };
    }
}
