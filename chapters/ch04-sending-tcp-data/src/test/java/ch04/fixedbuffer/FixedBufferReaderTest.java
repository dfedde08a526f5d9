package ch04.fixedbuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;
import workbook.fixtures.StreamGens;
import workbook.property.Gen;

/** 4.1a: {@link FixedBufferReader#readUntilEof}, the read loop of Listing 4-1. */
@Tag("4.1")
class FixedBufferReaderTest {

    /** What the sink saw: the bytes, and the size of each call. */
    private static final class Recorder implements ChunkSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public void accept(byte[] buffer, int byteCount) {
            sizes.add(byteCount);
            bytes.write(buffer, 0, byteCount);
        }
    }

    /** A list of read results short enough to read in a failure message: its first and last few. */
    private static String shown(List<Integer> returned) {
        if (returned.size() <= 24) {
            return returned.toString();
        }
        return returned.subList(0, 12).toString().replace("]", ", …")
                + returned.subList(returned.size() - 12, returned.size()).toString().replace("[", " ")
                + " (" + returned.size() + " reads)";
    }

    /**
     * Why the sink's bytes differ from the stream's, as far as the lengths tell: more bytes come from
     * handing on the whole buffer, fewer from stopping early.
     */
    private static String whatWentWrong(byte[] handed, byte[] payload) {
        if (handed.length > payload.length) {
            return "the sink got " + bytes(handed.length - payload.length) + " more than the stream holds:"
                    + " hand it only the bytes this read returned, sink.accept(buffer, n), not the whole buffer";
        }
        if (handed.length < payload.length) {
            return "the sink got " + bytes(payload.length - handed.length) + " fewer than the stream holds:"
                    + " keep reading until read returns -1; a short read is not the end of the stream";
        }
        return "the sink got as many bytes as the stream holds, but not the same ones: pass each read's bytes"
                + " as they are, from index 0 of the buffer, in the order the reads return them";
    }

    private static String bytes(int n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    @Test
    @Tag("4.1a")
    void should_hand_every_byte_to_the_sink_in_order_for_any_payload_buffer_and_chunking() {
        forAll(Gen.bytes(0, 3000), Gen.integers(1, 700), StreamGens.readSizes(900))
                .labels("payload", "bufferSize", "readSizes").tries(300)
                .check((payload, bufferSize, readSizes) -> {
                    // GIVEN a stream that hands out the payload a few bytes at a time, like a socket
                    var in = ChunkedInputStream.of(payload, readSizes);
                    var sink = new Recorder();
                    // WHEN it is read to the end through a buffer of bufferSize bytes
                    long total = FixedBufferReader.readUntilEof(in, bufferSize, sink);
                    // THEN every byte reached the sink, in order, and the count says so
                    byte[] handed = sink.bytes.toByteArray();
                    assertThat(handed)
                            .as("the bytes handed to the sink: expected the whole stream, in order; %s",
                                    whatWentWrong(handed, payload))
                            .isEqualTo(payload);
                    assertThat(total).as("readUntilEof's return value: expected the number of bytes read,"
                                    + " the sum of what the reads returned")
                            .isEqualTo(payload.length);
                });
    }

    @Test
    @Tag("4.1a")
    void should_call_the_sink_once_per_read_with_what_that_read_returned() {
        forAll(Gen.bytes(0, 2000), Gen.integers(1, 300), StreamGens.readSizes(400))
                .labels("payload", "bufferSize", "readSizes").tries(200)
                .check((payload, bufferSize, readSizes) -> {
                    // GIVEN a chunked stream that records what each read returned
                    var in = ChunkedInputStream.of(payload, readSizes);
                    var sink = new Recorder();
                    // WHEN read through a fixed buffer
                    FixedBufferReader.readUntilEof(in, bufferSize, sink);
                    // THEN the sink saw each read's bytes as one call of 1..bufferSize bytes
                    List<Integer> positiveReads = in.returnedSizes().stream().filter(n -> n > 0).toList();
                    assertThat(sink.sizes)
                            .as("the byte counts the sink was called with: expected one call per read, with the count that"
                                    + " read returned, never 0")
                            .isEqualTo(positiveReads)
                            .allSatisfy(n -> assertThat(n).isBetween(1, bufferSize));
                    // AND the loop stopped at the first -1, neither before it nor after it
                    List<Integer> returned = in.returnedSizes();
                    assertThat(returned)
                            .withFailMessage("your loop stopped before the stream said -1: the reads returned"
                                    + " %s and the loop never read again; a short read is not the end, only -1"
                                    + " means the end", shown(returned))
                            .contains(-1);
                    assertThat(returned.indexOf(-1))
                            .withFailMessage("your loop read again after the stream said -1: the reads returned"
                                    + " %s; the first -1 is the end, stop there", shown(returned))
                            .isEqualTo(returned.size() - 1);
                });
    }

    @Test
    @Tag("4.1a")
    void should_return_zero_for_an_empty_stream_without_calling_the_sink() throws IOException {
        // GIVEN an empty stream
        var sink = new Recorder();
        // WHEN read
        long total = FixedBufferReader.readUntilEof(new ByteArrayInputStream(new byte[0]), 512, sink);
        // THEN nothing was handed out
        assertThat(total).as("bytes read from an empty stream").isZero();
        assertThat(sink.sizes).as("sink calls for an empty stream").isEmpty();
    }

    @Test
    @Tag("4.1a")
    void should_leave_the_stream_open_for_its_owner() throws IOException {
        // GIVEN a stream that remembers whether it was closed
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[10]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        // WHEN read to the end
        FixedBufferReader.readUntilEof(in, 4, new Recorder());
        // THEN it is still open: the caller opened it, the caller closes it
        assertThat(closed[0]).as("whether readUntilEof closed the stream: the caller opened it, the caller closes it").isFalse();
    }

    @Test
    @Tag("4.1a")
    void should_refuse_a_buffer_smaller_than_one_byte() {
        var in = new ByteArrayInputStream(new byte[1]);
        assertThat(Thrown.by(() -> FixedBufferReader.readUntilEof(in, 0, new Recorder())))
                .as("readUntilEof with a buffer of 0 bytes: expected an IllegalArgumentException, since such a buffer"
                        + " can never make progress")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Tag("4.1a")
    void should_pass_on_the_sinks_failure_and_stop_reading() {
        var in = ChunkedInputStream.of(new byte[100], List.of(10));
        var failure = new IOException("disk full");
        assertThat(Thrown.by(() -> FixedBufferReader.readUntilEof(in, 10, (b, n) -> {
            throw failure;
        }))).as("what readUntilEof threw when the sink threw: expected the sink's exception, unchanged").isSameAs(failure);
        assertThat(in.returnedSizes()).as("the reads made: expected the one before the sink failed, and none after").hasSize(1);
    }

    @Test
    @Tag("4.1a")
    void should_read_a_socket_to_its_end_when_the_server_writes_in_bursts() throws Exception {
        // GIVEN a server that writes 1 MiB in bursts of odd sizes, then closes
        byte[] payload = new byte[1 << 20];
        new Random(41).nextBytes(payload);
        try (var server = LoopbackServer.start(connection -> {
                var out = connection.getOutputStream();
                for (int off = 0, burst = 1; off < payload.length; off += burst, burst = burst * 3 + 1) {
                    out.write(payload, off, Math.min(burst, payload.length - off));
                    out.flush();
                }
            });
             var client = server.connect()) {
            var sink = new Recorder();
            // WHEN the client reads to EOF through a 64 KiB buffer
            long total = FixedBufferReader.readUntilEof(client.getInputStream(), 64 * 1024, sink);
            // THEN it has every byte, and no read returned more than the buffer holds
            byte[] handed = sink.bytes.toByteArray();
            assertThat(handed)
                    .as("the bytes handed to the sink from the socket: expected all %s the server wrote, in order; %s",
                            bytes(payload.length), whatWentWrong(handed, payload))
                    .isEqualTo(payload);
            assertThat(total).as("readUntilEof's return value: expected the number of bytes read from the socket")
                    .isEqualTo(payload.length);
            assertThat(sink.sizes).as("read sizes").allSatisfy(n -> assertThat(n).isBetween(1, 64 * 1024));
        }
    }
}
