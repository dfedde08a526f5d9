package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import workbook.NotStartedException;
import workbook.fixtures.AllocationMeter;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.CountingInputStream;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.StreamGens;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/**
 * What a decoder of the chapter's frames must do, whatever its design: the faithful port that puts
 * the type byte back ({@code FaithfulDecoderTest}, 4.3d) and the refactor that does not
 * ({@code DecoderTest}, 4.3e) both implement this contract, and JUnit runs its tests as theirs,
 * under their class's exercise tag. The lessons of the section's part in exercises.md are named
 * where a test checks one.
 */
interface DecoderContract {

    /** The most reads one try of a property may cost, so a try takes at most a fraction of a second. */
    int MAX_READS_PER_TRY = 1 << 20;

    /** One call of this design's {@code decode}. */
    Payload decode(InputStream in) throws IOException;

    /** One call of {@link #decode}, its payload seen as a {@link Msg}. */
    private Msg decodeMsg(InputStream in) throws IOException {
        return Msg.of(decode(in));
    }

    /**
     * Calls {@code decode} once per expected payload. A call that throws fails with which call it
     * was, what it should have returned and what came back before it: a frame read short or long
     * shows up as a strange error in the <em>next</em> frame, and the student needs to know that.
     */
    private List<Msg> decodeEach(InputStream in, List<Msg> expected, String how) throws IOException {
        List<Msg> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            try {
                got.add(decodeMsg(in));
            } catch (IOException | RuntimeException e) {
                if (NotStartedException.findIn(e) != null) {
                    throw e;
                }
                throw new AssertionFailedError("decode call " + (i + 1) + " of " + expected.size() + " " + how
                        + " threw " + e + "; expected it to return " + expected.get(i)
                        + (i == 0 ? "" : "; the calls before it returned " + got
                                + ": a frame read short or long leaves the stream in the wrong place for the next"), e);
            }
        }
        return got;
    }

    /** The frames of {@code msgs}, written one by one with the payloads' own {@code writeTo}. */
    private static byte[] written(List<Msg> msgs) throws IOException {
        var out = new ByteArrayOutputStream();
        for (Msg m : msgs) {
            m.payload().writeTo(out);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // The chapter's own tests (Listings 4-10 to 4-12)

    @Test
    default void should_decode_the_chapters_three_payloads_sent_over_a_loopback_connection() throws Exception {
        // GIVEN a server that writes the chapter's three payloads and closes
        byte[] frames = written(Golden.PAYLOADS);
        try (var server = LoopbackServer.start(conn -> conn.getOutputStream().write(frames));
             Socket client = server.connect()) {
            InputStream in = client.getInputStream();
            // WHEN the client decodes three times on the one stream
            List<Msg> got = decodeEach(in, Golden.PAYLOADS, "on the client's socket stream");
            // THEN it gets the three payloads, equal in type and value, in order, then the end
            Compare.msgs(got, Golden.PAYLOADS, "payloads decoded from the connection");
            Throwable end = Thrown.by(() -> decode(in));
            assertThat(end).as("a fourth decode after the server closed: expected the end of the stream, a plain"
                    + " EOFException, not a truncated frame").isExactlyInstanceOf(EOFException.class);
        }
    }

    @Test
    default void should_refuse_a_binary_header_that_claims_one_gibibyte() {
        oneGibibyteClaim(Msg.BINARY);
    }

    @Test
    default void should_refuse_a_string_header_that_claims_one_gibibyte() {
        // Listing 4-8 forgets the limit for strings: lesson 2
        oneGibibyteClaim(Msg.STRING);
    }

    private void oneGibibyteClaim(byte type) {
        // GIVEN a header claiming 1 << 30 bytes, and no value at all
        byte[] header = IndependentCodec.header(type, 1L << 30);
        // WHEN it is decoded
        Throwable thrown = Thrown.by(() -> decode(new ByteArrayInputStream(header)));
        // THEN it is refused with the numbers, before anything is allocated for the value
        String what = "decoding a " + Frame.typeName(type) + " header that claims 1073741824 bytes";
        assertThat(thrown).as("%s: expected a FrameTooLargeException", what).isInstanceOf(FrameTooLargeException.class);
        var e = (FrameTooLargeException) thrown;
        assertThat(e.claimed()).as("claimed() after %s", what).isEqualTo(1L << 30);
        assertThat(e.limit()).as("limit() after %s: Frame.MAX_PAYLOAD_SIZE", what).isEqualTo(Frame.MAX_PAYLOAD_SIZE);
        assertThat(e.type()).as("type() after %s: the frame's type byte", what).isEqualTo(type);
        assertThat(e.getMessage()).as("the message after %s: it must give the claim and the limit", what)
                .contains("1073741824").contains(String.valueOf(Frame.MAX_PAYLOAD_SIZE));
    }

    @Test
    default void should_decode_the_chapters_frames_written_out_by_hand() throws IOException {
        // GIVEN the chapter's three frames, written out by hand
        InputStream in = new ByteArrayInputStream(Golden.ALL);
        // WHEN each is decoded in turn
        List<Msg> got = decodeEach(in, Golden.PAYLOADS, "on the chapter's hand-written frames");
        // THEN they are the chapter's payloads
        Compare.msgs(got, Golden.PAYLOADS, "payloads decoded from the hand-written frames");
    }

    // ---------------------------------------------------------------------------------------------
    // What a decoded payload gives back besides its value

    @Test
    default void should_give_a_decoded_binary_payload_type_1_and_its_value_as_bytes() throws IOException {
        // GIVEN the chapter's binary frame "Don't panic."
        // WHEN decoded
        Payload payload = decode(new ByteArrayInputStream(Golden.PANIC));
        // THEN the payload says what it is and hands out its value, a fresh copy each time
        byte[] value = "Don't panic.".getBytes(StandardCharsets.US_ASCII);
        assertThat(payload.type()).as("type() of the payload decoded from a binary frame: expected"
                + " Frame.BINARY_TYPE, 1, the byte writeTo puts first").isEqualTo(Frame.BINARY_TYPE);
        byte[] bytes = payload.bytes();
        assertThat(bytes).as("bytes() of the payload decoded from binary \"Don't panic.\": expected its 12 bytes")
                .isEqualTo(value);
        bytes[0] = 'X';
        assertThat(payload.bytes()).as("bytes() after the caller changed the array the last call returned:"
                + " expected the payload unchanged, since bytes() gives a new array each call").isEqualTo(value);
    }

    @Test
    default void should_give_a_decoded_string_payload_type_2_and_its_text_as_utf8_bytes() throws IOException {
        // GIVEN the chapter's string frame "Errors are values."
        // WHEN decoded
        Payload payload = decode(new ByteArrayInputStream(Golden.ERRORS));
        // THEN its type is the string type and its bytes are the text's UTF-8, as on the wire
        assertThat(payload.type()).as("type() of the payload decoded from a string frame: expected"
                + " Frame.STRING_TYPE, 2, the byte writeTo puts first").isEqualTo(Frame.STRING_TYPE);
        assertThat(payload.bytes()).as("bytes() of the payload decoded from string \"Errors are values.\":"
                + " expected the text's 18 UTF-8 bytes, the value as it went on the wire")
                .isEqualTo("Errors are values.".getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 1: one read is not the whole value

    @Test
    default void should_decode_values_that_arrive_in_any_cut_of_reads() {
        forAll(Gen.lists(MsgGens.fitting(), 1, 4), StreamGens.readSizes(4096)).labels("payloads", "readSizes").tries(60)
                .check((msgs, sizes) -> {
                    // GIVEN frames made by the independent encoder, handed out in reads of the given sizes
                    InputStream in = ChunkedInputStream.of(IndependentCodec.encode(msgs), sizes);
                    // WHEN decode is called once per frame
                    List<Msg> got = decodeEach(in, msgs, "through reads of at most " + sizes + " bytes");
                    // THEN every payload comes back whole; a single read() for the value cannot do it
                    Compare.msgs(got, msgs, "payloads read through reads of at most " + sizes + " bytes");
                });
    }

    /** Payloads and the reads that carry their frames. */
    record Chunked(List<Msg> payloads, List<Integer> readSizes) {
    }

    @Test
    default void should_read_back_any_sequence_of_payloads_through_any_chunking() {
        // Reads of 1 byte over four values of 10 MiB would cost 40 million reads, seconds on a loaded
        // machine, and check nothing that 1-byte reads over the smaller values do not: the smallest
        // read grows with the bytes, so no try makes more than MAX_READS_PER_TRY reads.
        Gen<Chunked> cases = Gen.lists(MsgGens.any(2), 0, 4).flatMap(msgs -> {
            long bytes = msgs.stream().mapToLong(Msg::frameSize).sum();
            int smallestRead = (int) Math.max(1, (bytes + MAX_READS_PER_TRY - 1) / MAX_READS_PER_TRY);
            return StreamGens.readSizes(smallestRead, 1 << 16).map(sizes -> new Chunked(msgs, sizes));
        });
        forAll(cases).labels("chunked").tries(40).check(c -> {
            // GIVEN payloads written one by one with writeTo; a value over the limit is refused
            // before any of its bytes go out
            var out = new ByteArrayOutputStream();
            List<Msg> written = new ArrayList<>();
            for (Msg m : c.payloads()) {
                if (m.value().length > Frame.MAX_PAYLOAD_SIZE) {
                    int before = out.size();
                    assertThat(Thrown.by(() -> m.payload().writeTo(out)))
                            .as("writeTo of a %d-byte value, over the limit", m.value().length)
                            .isInstanceOf(FrameTooLargeException.class);
                    assertThat(out.size() - before).as("bytes written for a refused %d-byte value: check the limit"
                            + " before the first write", m.value().length).isZero();
                } else {
                    m.payload().writeTo(out);
                    written.add(m);
                }
            }
            // WHEN they are read back through reads of the given sizes
            InputStream in = ChunkedInputStream.of(out.toByteArray(), c.readSizes());
            List<Msg> got = decodeEach(in, written, "through reads of at most " + c.readSizes() + " bytes");
            // THEN the same sequence comes back, and then the end of the stream
            Compare.msgs(got, written, "payloads written with writeTo and read back through reads of at most "
                    + c.readSizes() + " bytes");
            assertThat(Thrown.by(() -> decode(in))).as("decode after the last of %d frames: expected the end of"
                    + " the stream, a plain EOFException, not a truncated frame", written.size())
                    .isExactlyInstanceOf(EOFException.class);
        });
    }

    @Test
    default void should_pass_values_of_limit_minus_one_and_limit_and_refuse_limit_plus_one() throws IOException {
        int limit = Frame.MAX_PAYLOAD_SIZE;
        for (int size : new int[] {limit - 1, limit}) {
            // GIVEN a value of limit - 1 or limit bytes, written with writeTo
            Msg m = MsgGens.filled(size, size % 2 == 0, size);
            // WHEN decoded
            Msg got = decodeMsg(new ByteArrayInputStream(written(List.of(m))));
            // THEN it comes back whole
            String what = "a " + size + "-byte " + Frame.typeName(m.type()) + " value written with writeTo and decoded";
            assertThat(got.type()).as("type of %s", what).isEqualTo(m.type());
            Compare.bytes(got.value(), m.value(), "value of " + what);
        }
        // GIVEN a frame of limit + 1 value bytes made by another encoder WHEN decoded THEN refused
        byte[] over = IndependentCodec.encode(MsgGens.filled(limit + 1, false, 1));
        Throwable thrown = Thrown.by(() -> decode(new ByteArrayInputStream(over)));
        assertThat(thrown).as("decoding a frame of %d value bytes, one over the limit: expected a"
                + " FrameTooLargeException", limit + 1).isInstanceOf(FrameTooLargeException.class);
        assertThat(((FrameTooLargeException) thrown).claimed()).as("claimed() of a frame of %d value bytes", limit + 1)
                .isEqualTo(limit + 1L);
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 2: both types check the limit

    @Test
    default void should_refuse_any_claim_over_the_limit_for_both_types() {
        forAll(Gen.longs(Frame.MAX_PAYLOAD_SIZE + 1L, 0xFFFF_FFFFL), Gen.elements(Msg.BINARY, Msg.STRING))
                .labels("claimed", "type").tries(100).check((claimed, type) -> {
                    // GIVEN a header claiming more than the limit, then some bytes
                    byte[] rest = {9, 9, 9};
                    InputStream in = new ByteArrayInputStream(Golden.concat(IndependentCodec.header(type, claimed), rest));
                    // WHEN it is decoded
                    Throwable thrown = Thrown.by(() -> decode(in));
                    // THEN it is refused with the numbers, and nothing after the header was read
                    String what = "decoding a " + Frame.typeName(type) + " header that claims " + claimed + " bytes";
                    assertThat(thrown).as("%s: expected a FrameTooLargeException", what)
                            .isInstanceOf(FrameTooLargeException.class);
                    var e = (FrameTooLargeException) thrown;
                    assertThat(e.claimed()).as("claimed() after %s", what).isEqualTo(claimed);
                    assertThat(e.type()).as("type() after %s: the frame's type byte", what).isEqualTo((int) type);
                    assertThat(in.readAllBytes()).as("bytes left after %s: refuse the claim before reading any"
                            + " value byte", what).isEqualTo(rest);
                });
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 3: a truncated frame is not a short value

    /** Frames back to back, cut short after {@code cut} bytes. */
    record CutFrames(List<Msg> frames, int cut) {
    }

    @Test
    default void should_fail_as_truncated_wherever_a_frame_is_cut() {
        Gen<CutFrames> cases = Gen.lists(MsgGens.small(), 1, 4).flatMap(msgs -> {
            byte[] bytes = IndependentCodec.encode(msgs);
            return Gen.integers(0, bytes.length - 1).map(cut -> new CutFrames(msgs, cut));
        });
        forAll(cases).labels("cutFrames").tries(150).check(c -> {
            List<Msg> msgs = c.frames();
            int cut = c.cut();
            // GIVEN the frames cut short after `cut` bytes
            InputStream in = new ByteArrayInputStream(Arrays.copyOf(IndependentCodec.encode(msgs), cut));
            int start = 0;
            int whole = 0;
            while (whole < msgs.size() && start + msgs.get(whole).frameSize() <= cut) {
                start += msgs.get(whole).frameSize();
                whole++;
            }
            // WHEN every whole frame is decoded, and then one more
            List<Msg> got = decodeEach(in, msgs.subList(0, whole), "before the cut at byte " + cut);
            Compare.msgs(got, msgs.subList(0, whole), "the frames that arrived whole before the cut at byte " + cut);
            Msg cutOne = msgs.get(whole);
            int arrived = cut - start;
            Throwable thrown = Thrown.by(() -> decode(in));
            // THEN a cut at a frame's start is the plain end; a cut inside it is a TruncatedFrameException
            // naming the part where the cut fell, with that part's counts
            if (arrived == 0) {
                assertThat(thrown).as("decoding after the last whole frame, where the stream ends: expected the"
                        + " end of the stream, a plain EOFException").isExactlyInstanceOf(EOFException.class);
                return;
            }
            boolean inLength = arrived <= 4;
            String part = Frame.typeName(cutOne.type()) + (inLength ? " length field" : " value");
            String what = "frame " + (whole + 1) + " (" + cutOne.frameSize() + " bytes) cut after " + arrived
                    + " of them, inside its " + part;
            assertThat(thrown).as("decoding %s: expected a TruncatedFrameException, never a short value", what)
                    .isInstanceOf(TruncatedFrameException.class);
            var e = (TruncatedFrameException) thrown;
            assertThat(e.part()).as("part() after decoding %s", what).isEqualTo(part);
            assertThat(e.expected()).as("expected() after decoding %s: the bytes the %s needed", what, part)
                    .isEqualTo(inLength ? 4 : cutOne.value().length);
            assertThat(e.arrived()).as("arrived() after decoding %s: the bytes of the %s that came", what, part)
                    .isEqualTo(inLength ? arrived - 1 : arrived - 5);
        });
    }

    @Test
    default void should_say_how_many_value_bytes_were_expected_and_how_many_arrived() {
        // GIVEN a binary frame whose 100-byte value stops after 37 bytes
        byte[] frame = IndependentCodec.encode(MsgGens.filled(100, false, 7));
        // WHEN decoded
        Throwable thrown = Thrown.by(() -> decode(new ByteArrayInputStream(Arrays.copyOf(frame, 5 + 37))));
        // THEN the error names the part and both counts
        assertThat(thrown).as("decoding a binary frame whose value stops after 37 of 100 bytes: expected a"
                + " TruncatedFrameException, never a short value").isInstanceOf(TruncatedFrameException.class);
        var e = (TruncatedFrameException) thrown;
        assertThat(e.part()).as("part() of a binary frame cut inside its value").isEqualTo("binary value");
        assertThat(e.expected()).as("expected(): the 100 bytes the length announced").isEqualTo(100);
        assertThat(e.arrived()).as("arrived(): the 37 value bytes that came").isEqualTo(37);
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 4: memory follows the bytes, not the claim

    @Test
    default void should_not_allocate_the_claimed_size_for_a_header_alone() {
        // GIVEN a five-byte header claiming the limit, 10 MiB, and then the end of the stream
        byte[] header = IndependentCodec.header(Msg.BINARY, Frame.MAX_PAYLOAD_SIZE);
        // WHEN it is decoded (it fails as truncated: the value never comes)
        assertThat(Thrown.by(() -> decode(new ByteArrayInputStream(header))))
                .as("decoding a header that claims %d bytes and then ends: expected a TruncatedFrameException,"
                        + " never a short value", Frame.MAX_PAYLOAD_SIZE)
                .isInstanceOf(TruncatedFrameException.class);
        long allocated = AllocationMeter.allocatedBy(5, () -> decode(new ByteArrayInputStream(header)));
        // THEN far less than 10 MiB was allocated
        assertThat(allocated).as("bytes allocated decoding a header that claims %d bytes and then ends: expected"
                + " under 1 MiB; read the value in bounded chunks that grow as bytes arrive, not new byte[claimed]",
                Frame.MAX_PAYLOAD_SIZE).isLessThan(1L << 20);
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 5: malformed text is an error, and the stream goes on

    @Test
    default void should_refuse_malformed_utf8_and_go_on_with_the_next_frame() throws IOException {
        // GIVEN a string frame whose value is "ab", a lone 0xC3, "(", then the chapter's last frame
        Msg bad = new Msg(Msg.STRING, new byte[] {'a', 'b', (byte) 0xC3, '('});
        InputStream in = new ByteArrayInputStream(Golden.concat(IndependentCodec.encode(bad), Golden.PANIC));
        // WHEN decoded THEN it is a MalformedTextException at offset 2, not text with U+FFFD in it
        Throwable thrown = Thrown.by(() -> decode(in));
        assertThat(thrown).as("decoding a string frame whose value 61 62 c3 28 is not UTF-8: expected a"
                + " MalformedTextException (Utf8.decode, 4.3c), not text with U+FFFD in it")
                .isInstanceOf(MalformedTextException.class);
        assertThat(((MalformedTextException) thrown).offset()).as("offset() of the bad byte c3 in 61 62 c3 28")
                .isEqualTo(2);
        // AND the frame was consumed whole, so the next one decodes
        List<Msg> next = decodeEach(in, List.of(Msg.binary("Don't panic.")), "after the malformed frame (read the"
                + " whole frame before Utf8.decode refuses its value, so that the stream sits at the next frame)");
        Compare.msgs(next, List.of(Msg.binary("Don't panic.")), "the frame after the malformed one");
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 6: N frames, N calls, one stream

    @Test
    default void should_decode_n_frames_with_n_calls_on_one_stream_and_leave_the_rest() throws IOException {
        // GIVEN the three frames followed by bytes that are no frame, in a stream without mark
        byte[] trailer = {'n', 'e', 'x', 't'};
        InputStream in = ChunkedInputStream.of(Golden.concat(Golden.ALL, trailer), List.of(1 << 16));
        // WHEN decode is called three times
        List<Msg> got = decodeEach(in, Golden.PAYLOADS, "on the chapter's frames followed by 4 other bytes");
        // THEN the three payloads come back and the stream sits at the trailer, nothing swallowed
        Compare.msgs(got, Golden.PAYLOADS, "three decode calls on one stream");
        assertThat(in.readAllBytes()).as("bytes left after three frames: expected the 4 bytes after them; a decoder"
                + " that buffers ahead (a new BufferedInputStream per call) swallows them").isEqualTo(trailer);
    }

    @Test
    default void should_take_exactly_each_frames_bytes_from_the_stream() throws IOException {
        // GIVEN the three frames twice, in a stream that counts what it hands out and cannot mark
        var counting = new CountingInputStream(new ByteArrayInputStream(Golden.concat(Golden.ALL, Golden.ALL)));
        int[] ends = {Golden.CLEAR.length, Golden.CLEAR.length + Golden.ERRORS.length, Golden.ALL.length};
        for (int i = 0; i < 3; i++) {
            // WHEN one frame is decoded
            Msg got = decodeMsg(counting);
            // THEN exactly that frame's bytes have been taken from the stream, each once
            assertThat(got).as("frame %d of the chapter's three", i + 1).isEqualTo(Golden.PAYLOADS.get(i));
            assertThat(counting.delivered()).as("bytes taken from the stream after frame %d: expected %d, the frames"
                    + " so far; stop at the next frame's first byte", i + 1, ends[i]).isEqualTo(ends[i]);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input: typed errors only

    @Test
    default void should_refuse_an_unknown_type_after_reading_only_its_byte() throws IOException {
        // 0 is a byte that arrived, not the end of the stream; 255 is no -1 either
        for (int type : new int[] {0, 3, 7, 255}) {
            // GIVEN a frame of that type
            byte[] bytes = IndependentCodec.encode(new Msg((byte) type, new byte[] {'x'}));
            InputStream in = new ByteArrayInputStream(bytes);
            // WHEN decoded
            Throwable thrown = Thrown.by(() -> decode(in));
            // THEN it fails naming the type, having read only the type byte
            assertThat(thrown).as("decoding a frame of type %d: expected a FrameTypeException naming type %d;"
                    + " only read() == -1 is the end of the stream", type, type).isInstanceOf(FrameTypeException.class);
            assertThat(((FrameTypeException) thrown).type()).as("type() of the FrameTypeException for type byte %d,"
                    + " read as unsigned", type).isEqualTo(type);
            assertThat(in.available()).as("bytes left of the %d-byte frame of type %d after decode refused it:"
                    + " expected all but the type byte", bytes.length, type).isEqualTo(bytes.length - 1);
        }
    }

    @Test
    default void should_end_random_bytes_only_in_the_documented_exceptions() {
        Gen<byte[]> mutated = Gen.combine(Gen.lists(MsgGens.small(), 1, 3), Gen.integers(0, 1 << 20),
                Gen.integers(0, 255), (msgs, at, b) -> {
                    byte[] bytes = IndependentCodec.encode(msgs);
                    bytes[at % bytes.length] = (byte) (int) b;
                    return bytes;
                });
        Gen<byte[]> input = Gen.oneOf(Gen.bytes(0, 64), mutated,
                Gen.bytes(0, 40).map(b -> Golden.concat(new byte[] {Msg.STRING, 0, 0, 0, (byte) b.length}, b)));
        forAll(input).labels("input").tries(300).check(bytes -> {
            // GIVEN any bytes WHEN decoded frame after frame
            InputStream in = new ByteArrayInputStream(bytes);
            // Each decode takes at least one byte, so this loop ends.
            for (int i = 0; i <= bytes.length; i++) {
                Throwable thrown = Thrown.by(() -> decode(in));
                if (thrown == null) {
                    continue;
                }
                // THEN decoding ends in one of the documented exceptions, never another one
                assertThat(thrown).as("decoding %d bytes: expected only EOFException, TruncatedFrameException,"
                        + " FrameTooLargeException, FrameTypeException or MalformedTextException", bytes.length)
                        .isInstanceOfAny(EOFException.class, FrameTooLargeException.class, FrameTypeException.class,
                                MalformedTextException.class);
                return;
            }
            throw new AssertionFailedError("decode kept returning payloads after the " + bytes.length
                    + " input bytes were used up");
        });
    }

    @Test
    default void should_decode_what_an_independent_encoder_writes() {
        forAll(Gen.lists(MsgGens.fitting(), 0, 5)).labels("payloads").tries(60).check(msgs -> {
            // GIVEN frames made by an encoder written from the layout alone
            InputStream in = new ByteArrayInputStream(IndependentCodec.encode(msgs));
            // WHEN decoded
            List<Msg> got = decodeEach(in, msgs, "on frames from the independent encoder");
            // THEN the same payloads
            Compare.msgs(got, msgs, "frames from the independent encoder, decoded");
        });
    }
}
