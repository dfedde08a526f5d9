package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Generators: edges early, sane spreads, and shrinking toward the simplest value. */
class GenTest {
    /** The values a generator gives in the runner's first {@code n} tries (try 0 is the simplest). */
    static <T> List<T> firstTries(Gen<T> gen, int n) {
        List<T> seen = new ArrayList<>();
        var checker = Property.forAll(gen);
        checker.spec().store = null;
        checker.spec().seed = 7L;
        checker.tries(n).check(seen::add);
        return seen;
    }

    /** What a failing property on {@code gen} shrinks to. */
    static <T> T shrunk(Gen<T> gen, java.util.function.Predicate<T> fails) {
        var checker = Property.forAll(gen);
        checker.spec().store = null;
        checker.spec().seed = 11L;
        Result result = checker.tries(1000).run(v -> assertThat(fails.test(v)).isFalse());
        assertThat(result.passed()).as("must find a failure").isFalse();
        @SuppressWarnings("unchecked")
        T value = (T) result.counterexample().args().get(0);
        return value;
    }

    @Test
    @DisplayName("integers hit min, max, 0, 1 and -1 within the first 20 tries")
    void should_hit_integer_edges_early() {
        assertThat(firstTries(Gen.integers(-1000, 1000), 20)).contains(-1000, 1000, 0, 1, -1);
        assertThat(firstTries(Gen.integers(Integer.MIN_VALUE, Integer.MAX_VALUE), 20))
                .contains(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, -1);
        assertThat(firstTries(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 20)).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        assertThat(firstTries(Gen.integers(5, 9), 20)).contains(5, 9).allMatch(x -> x >= 5 && x <= 9);
    }

    @Test
    @DisplayName("integers stay in range and spread over it")
    void should_spread_integers() {
        List<Integer> values = firstTries(Gen.integers(-100, 100), 1000);
        assertThat(values).allMatch(x -> x >= -100 && x <= 100);
        assertThat(new HashSet<>(values)).hasSizeGreaterThan(150);
        List<Long> wide = firstTries(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 1000);
        assertThat(wide).anyMatch(x -> x > (1L << 40)).anyMatch(x -> x < -(1L << 40)).anyMatch(x -> Math.abs(x) < 1000);
    }

    @Test
    @DisplayName("integers shrink toward 0, or toward the bound nearest 0")
    void should_shrink_integers_toward_zero() {
        assertThat(shrunk(Gen.integers(-1000, 1000), x -> x < -17)).isEqualTo(-18);
        assertThat(shrunk(Gen.integers(-1000, 1000), x -> x > 17)).isEqualTo(18);
        assertThat(shrunk(Gen.integers(10, 1000), x -> x % 7 == 0)).isEqualTo(14);
        assertThat(shrunk(Gen.integers(-1000, -10), x -> x % 7 == 0)).isEqualTo(-14);
        assertThat(shrunk(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), x -> x > 1_000_000_000_000L)).isEqualTo(1_000_000_000_001L);
    }

    @Test
    @DisplayName("an integer's choice code round-trips, across the whole long range")
    void should_round_trip_integer_codes() {
        long[][] ranges = {{-5, 3}, {-3, 5}, {0, 0}, {1, 10}, {-10, -1}, {Long.MIN_VALUE, Long.MAX_VALUE}, {Long.MIN_VALUE, 0}, {0, Long.MAX_VALUE}};
        SplittableRandom random = new SplittableRandom(1);
        for (long[] r : ranges) {
            IntegerChoice choice = new IntegerChoice(r[0], r[1]);
            List<Long> probes = new ArrayList<>(List.of(r[0], r[1], Math.max(r[0], Math.min(r[1], 0))));
            for (int i = 0; i < 200; i++) {
                probes.add(random.nextLong(r[0], r[1] == Long.MAX_VALUE ? r[1] : r[1] + 1));
            }
            for (long v : probes) {
                assertThat(choice.value(choice.code(v))).as("range %d..%d value %d", r[0], r[1], v).isEqualTo(v);
            }
        }
        IntegerChoice small = new IntegerChoice(-2, 3);
        assertThat(List.of(0L, 1L, 2L, 3L, 4L, 5L).stream().map(small::value)).containsExactly(0L, 1L, -1L, 2L, -2L, 3L);
    }

    @Test
    @DisplayName("lists(0..100) give the empty list, the full list, one element, and a spread between")
    void should_spread_list_sizes() {
        List<Integer> first = firstTries(Gen.lists(Gen.integers(0, 9), 0, 100), 20).stream().map(List::size).toList();
        assertThat(first).contains(0, 1, 100);
        List<Integer> sizes = firstTries(Gen.lists(Gen.integers(0, 9), 0, 100), 500).stream().map(List::size).toList();
        assertThat(sizes).allMatch(s -> s >= 0 && s <= 100);
        long middle = sizes.stream().filter(s -> s > 10 && s < 90).count();
        long small = sizes.stream().filter(s -> s > 1 && s <= 10).count();
        assertThat(middle).as("sizes 11..89").isGreaterThan(100);
        assertThat(small).as("sizes 2..10").isGreaterThan(50);
        assertThat(new HashSet<>(sizes)).hasSizeGreaterThan(60);
    }

    @Test
    @DisplayName("lists respect a minimum size and are unmodifiable")
    void should_respect_min_size() {
        List<List<Integer>> lists = firstTries(Gen.lists(Gen.integers(0, 9), 3, 5), 200);
        assertThat(lists).allMatch(l -> l.size() >= 3 && l.size() <= 5);
        assertThat(lists.stream().map(List::size)).contains(3, 5);
        assertThatThrownBy(() -> lists.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("bytes give sizes 0, 1 and max and the bytes 00 and FF early; they shrink to short runs of 00")
    void should_generate_and_shrink_bytes() {
        List<byte[]> first = firstTries(Gen.bytes(0, 4096), 20);
        assertThat(first.stream().map(b -> b.length)).contains(0, 1, 4096);
        assertThat(first.stream().flatMapToInt(b -> java.util.stream.IntStream.range(0, b.length).map(i -> b[i] & 0xFF)).boxed())
                .contains(0x00, 0xFF);
        assertThat(shrunk(Gen.bytes(0, 4096), b -> b.length >= 3)).containsExactly(0, 0, 0);
        assertThat(shrunk(Gen.bytes(0, 64), b -> b.length > 0 && (b[b.length - 1] & 0xFF) > 0x10)).containsExactly(0x11);
    }

    @Test
    @DisplayName("strings have lengths in code points and only the alphabet's code points")
    void should_draw_strings_from_the_alphabet() {
        List<String> texts = firstTries(Gen.strings(Alphabet.UNICODE, 0, 8), 500);
        assertThat(texts).allMatch(t -> t.codePointCount(0, t.length()) <= 8);
        assertThat(texts).anyMatch(t -> t.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(texts).allMatch(t -> t.chars().noneMatch(c -> Character.isSurrogate((char) c))
                || t.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
        long bmp = texts.stream().flatMapToInt(String::codePoints).filter(cp -> cp <= 0xFFFF).count();
        long all = texts.stream().flatMapToInt(String::codePoints).count();
        assertThat(bmp * 2).as("at least half the code points in the BMP").isGreaterThan(all);

        List<String> spaces = firstTries(Gen.strings(Alphabet.GO_WHITESPACE, 1, 4), 200);
        assertThat(spaces).allMatch(t -> t.codePoints().allMatch(Alphabet.GO_WHITESPACE::contains));
        assertThat(shrunk(Gen.strings(Alphabet.ASCII, 0, 20), t -> t.length() >= 2)).isEqualTo("00");
    }

    @Test
    @DisplayName("oneOf, elements and frequency shrink toward their first option")
    void should_shrink_choices_toward_the_first() {
        assertThat(shrunk(Gen.elements("a", "b", "c", "d"), s -> true)).isEqualTo("a");
        assertThat(shrunk(Gen.oneOf(Gen.constant("x"), Gen.constant("y")), s -> true)).isEqualTo("x");
        assertThat(shrunk(Gen.frequency(List.of(Weighted.of(1, Gen.constant("rare")), Weighted.of(9, Gen.constant("common")))), s -> true))
                .isEqualTo("rare");
        assertThat(shrunk(Gen.elements("a", "b", "c", "d"), s -> !s.equals("a"))).isEqualTo("b");
    }

    @Test
    @DisplayName("frequency picks in proportion to the weights")
    void should_weigh_frequency() {
        List<String> picks = firstTries(Gen.frequency(List.of(Weighted.of(1, Gen.constant("rare")), Weighted.of(9, Gen.constant("common")))), 1000);
        long rare = picks.stream().filter("rare"::equals).count();
        assertThat(rare).isBetween(50L, 200L);
    }

    record Frame(int length, byte[] payload) {
    }

    @Test
    @DisplayName("map, flatMap, filter and combine shrink through, with no shrinker of their own")
    void should_shrink_through_combinators() {
        Gen<Frame> frames = Gen.integers(0, 50).flatMap(n -> Gen.combine(Gen.constant(n), Gen.bytes(n, n), Frame::new));
        Frame frame = shrunk(frames, f -> f.length() >= 5);
        assertThat(frame.length()).isEqualTo(5);
        assertThat(frame.payload()).containsExactly(0, 0, 0, 0, 0);

        Gen<Integer> evens = Gen.integers(0, 10_000).filter(x -> x % 2 == 0).map(x -> x / 2);
        assertThat(shrunk(evens, x -> x > 100)).isEqualTo(101);

        Gen<String> pair = Gen.combine(Gen.integers(0, 100), Gen.booleans(), Gen.strings(Alphabet.of("ab"), 0, 3), (n, b, s) -> n + ":" + b + ":" + s);
        assertThat(shrunk(pair, s -> s.length() > 10)).isEqualTo("100:false:a"); // shorter choices beat smaller ones: 5 choices, not 8
        Gen<Integer> four = Gen.combine(Gen.integers(0, 9), Gen.integers(0, 9), Gen.integers(0, 9), Gen.integers(0, 9), (a, b, c, d) -> a + b + c + d);
        assertThat(shrunk(four, x -> x >= 20)).isEqualTo(20);
    }

    @Test
    @DisplayName("generators check their arguments and say what was wrong")
    void should_reject_bad_arguments() {
        assertThatThrownBy(() -> Gen.integers(5, 4)).isInstanceOf(IllegalArgumentException.class).hasMessage("min 5 is greater than max 4");
        assertThatThrownBy(() -> Gen.lists(Gen.booleans(), 3, 2)).hasMessageContaining("min 3, max 2");
        assertThatThrownBy(() -> Gen.bytes(-1, 2)).hasMessageContaining("min -1");
        assertThatThrownBy(() -> Gen.oneOf()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.of(-1, Gen.booleans())).hasMessageContaining("-1");
        assertThatThrownBy(() -> Gen.frequency(List.of(Weighted.of(0, Gen.booleans())))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("booleans give both values; constant gives its value")
    void should_generate_booleans_and_constants() {
        Set<Boolean> seen = new HashSet<>(firstTries(Gen.booleans(), 10));
        assertThat(seen).containsExactlyInAnyOrder(true, false);
        assertThat(firstTries(Gen.constant("k"), 5)).containsOnly("k");
        Function<Integer, Integer> twice = x -> 2 * x;
        assertThat(firstTries(Gen.integers(0, 5).map(twice), 50)).allMatch(x -> x % 2 == 0);
    }
}
