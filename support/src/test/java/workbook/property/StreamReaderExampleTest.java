package workbook.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static workbook.property.Property.forAll;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import workbook.fixtures.ChunkedInputStream;

/**
 * The kit on the workbook's own kind of bug: a reader that assumes one {@code read} fills the
 * buffer. TCP makes no such promise, and a property over payloads and read sizes finds it and
 * shrinks it to the smallest case: two bytes that arrive one at a time.
 */
class StreamReaderExampleTest {
    /** The bug: one read, as if it filled the buffer. */
    static byte[] readPayloadWrongly(InputStream in, int length) throws IOException {
        byte[] payload = new byte[length];
        int n = in.read(payload, 0, length);
        return n == length ? payload : java.util.Arrays.copyOf(payload, Math.max(n, 0));
    }

    /** The fix: read until the buffer is full or the stream ends. */
    static byte[] readPayload(InputStream in, int length) throws IOException {
        return in.readNBytes(length);
    }

    @Test
    @DisplayName("a reader that trusts one read() fails, shrunk to a 2-byte payload read 1 byte at a time")
    void should_shrink_the_single_read_bug_to_a_tiny_case() {
        // GIVEN the wrong reader, over payloads up to 4 KiB and reads of 1 to 64 bytes
        var checker = forAll(Gen.bytes(0, 4096), Gen.lists(Gen.integers(1, 64), 1, 8))
                .labels("payload", "readSizes")
                .tries(200);
        checker.spec().store = null;

        // WHEN the property runs
        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class, () -> checker.check((payload, readSizes) ->
                assertThat(readPayloadWrongly(ChunkedInputStream.of(payload, readSizes), payload.length)).isEqualTo(payload)));

        // THEN it shrinks to the smallest case that shows the bug
        assertThat(error.getMessage()).contains("Counterexample:\n  payload = byte[2] 00 00\n  readSizes = [1]\n");
        System.out.println("--- the single-read bug, as a student sees it ---\n" + error.getMessage() + "\n---");
    }

    @Test
    @DisplayName("from large random payloads too (no edge tries), it shrinks to the same tiny case")
    void should_shrink_large_random_cases_to_the_same_tiny_case() {
        for (long seed = 1; seed <= 5; seed++) {
            var checker = forAll(Gen.bytes(0, 4096), Gen.lists(Gen.integers(1, 64), 1, 8)).tries(200);
            checker.spec().store = null;
            checker.spec().seed = seed;
            checker.spec().edgeRounds = false;
            Result result = checker.run((payload, readSizes) ->
                    assertThat(readPayloadWrongly(ChunkedInputStream.of(payload, readSizes), payload.length)).isEqualTo(payload));
            assertThat(result.counterexample().rendered()).as("seed %d", seed).containsExactly("byte[2] 00 00", "[1]");
            System.out.printf("single-read bug, seed %d: %d shrink steps, %d replays%n", seed, result.counterexample().shrinking().steps(), result.counterexample().shrinking().replays());
        }
    }

    @Test
    @DisplayName("the reader that loops until the buffer is full passes the same property")
    void should_pass_the_looping_reader() {
        var checker = forAll(Gen.bytes(0, 4096), Gen.lists(Gen.integers(1, 64), 1, 8)).tries(200);
        checker.spec().store = null;
        checker.check((payload, readSizes) ->
                assertThat(readPayload(ChunkedInputStream.of(payload, readSizes), payload.length)).isEqualTo(payload));
    }
}
