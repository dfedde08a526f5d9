package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbook.fixtures.ChunkedInputStream;

/**
 * Shrinking a long payload must be cheap, not only correct: chapter 4's read-loop property
 * (payloads up to 3,000 bytes, a buffer size, a cycle of read sizes) runs under a 10 s JUnit
 * timeout, and a shrinker that spends thousands of replays cutting a payload lets the timeout
 * fire first, so the student sees "timed out" instead of the counterexample. Replays are
 * deterministic, unlike time, so the bound is on replays.
 */
class LongPayloadShrinkTest {
    /** The chapter's property name: its seed, so the same failing try as the chapter's run. */
    static final String CHAPTER_PROPERTY = "FixedBufferReaderTest#should_hand_every_byte_to_the_sink_in_order_for_any_payload_buffer_and_chunking";

    /** The most replays a shrink may take here; the chapter case took 6,134 before adaptive deletion. */
    static final int MAX_REPLAYS = 1_500;

    /** The bug: a short read taken for the end of the stream. */
    static long readUntilFirstShortRead(InputStream in, int bufferSize, ByteArrayOutputStream sink) throws IOException {
        byte[] buffer = new byte[bufferSize];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, bufferSize)) == bufferSize) {
            sink.write(buffer, 0, n);
            total += n;
        }
        if (n > 0) {
            sink.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** The chapter's read sizes: 1 to 8 of them, each exactly 1, or 1..16, or 1..900. */
    static final Gen<List<Integer>> READ_SIZES = Gen.lists(
            Gen.oneOf(Gen.constant(1), Gen.integers(1, 16), Gen.integers(1, 900)), 1, 8);

    static Result run(long seed, boolean edgeRounds) {
        var checker = forAll(Gen.bytes(0, 3000), Gen.integers(1, 700), READ_SIZES).tries(300);
        checker.spec().store = null;
        checker.spec().seed = seed;
        checker.spec().edgeRounds = edgeRounds;
        checker.spec().maxShrinkTime = java.time.Duration.ofMinutes(1); // counts, not a busy machine's clock, decide
        return checker.run((payload, bufferSize, readSizes) -> {
            var sink = new ByteArrayOutputStream();
            long total = readUntilFirstShortRead(ChunkedInputStream.of(payload, readSizes), bufferSize, sink);
            assertThat(sink.toByteArray()).isEqualTo(payload);
            assertThat(total).isEqualTo(payload.length);
        });
    }

    @Test
    @DisplayName("the chapter 4 read-loop bug shrinks from a long payload to byte[2], 2, [1] in few replays")
    void should_shrink_the_first_short_read_bug_cheaply() {
        Result result = run(Settings.seedOf(CHAPTER_PROPERTY), true);
        System.out.printf("chapter 4 read loop: failed on try %d, %d shrink steps, %d replays%n",
                result.tries().made(), result.counterexample().shrinking().steps(), result.counterexample().shrinking().replays());
        assertThat(result.counterexample().rendered()).containsExactly("byte[2] 00 00", "2", "[1]");
        assertThat(result.counterexample().shrinking().stoppedEarly()).isNull();
        assertThat(result.counterexample().shrinking().replays()).isLessThan(MAX_REPLAYS);
    }

    @Test
    @DisplayName("from large random starts too (no edge tries), the same minimum in few replays")
    void should_shrink_large_random_starts_cheaply() {
        for (long seed = 1; seed <= 5; seed++) {
            Result result = run(seed, false);
            System.out.printf("chapter 4 read loop, seed %d: failed on try %d, %d shrink steps, %d replays%n",
                    seed, result.tries().made(), result.counterexample().shrinking().steps(), result.counterexample().shrinking().replays());
            assertThat(result.counterexample().rendered()).as("seed %d", seed).containsExactly("byte[2] 00 00", "2", "[1]");
            assertThat(result.counterexample().shrinking().replays()).as("seed %d", seed).isLessThan(MAX_REPLAYS);
        }
    }
}
