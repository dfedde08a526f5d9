package ch04.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import workbook.fixtures.ChunkedInputStream;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.StreamGens;
import workbook.property.Gen;

/**
 * The checks both decoder designs must pass, written once; {@code FaithfulDecoderTest} (4.3d) and
 * {@code DecoderTest} (4.3e) call each with their design, under their own exercise tag.
 */
final class DecoderChecks {

    static final int LIMIT = 10 << 20;

    private DecoderChecks() {
    }

    /**
     * Calls {@code decode} once per expected payload. A call that throws fails with which call it
     * was, what it should have returned and what came back before it: a frame read short shows up
     * as a strange error in the <em>next</em> frame, and the student needs to know that.
     */
    static List<Msg> decodeEach(Design design, InputStream in, List<Msg> expected, String how) throws IOException {
        List<Msg> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            try {
                got.add(design.decode(in));
            } catch (IOException | RuntimeException e) {
                if (workbook.NotStartedException.findIn(e) != null) {
                    throw e;
                }
                throw new AssertionFailedError("decode call " + (i + 1) + " of " + expected.size() + " " + how
                        + " threw " + e + "; expected it to return " + expected.get(i)
                        + (i == 0 ? "" : "; the calls before it returned " + got
                                + " (a frame read short or long leaves the stream in the wrong place)")
                        + " " + design.reread(), e);
            }
        }
        return got;
    }

    /** The chapter's test (Listing 4-10): three payloads over a real connection, in order. */
    static void chaptersThreePayloadsOverLoopback(Design design) throws Exception {
        // GIVEN a server that writes the chapter's three payloads with this design's writeTo
        try (var server = LoopbackServer.start(conn -> {
                    var out = conn.getOutputStream();
                    for (Msg m : Golden.PAYLOADS) {
                        design.write(out, m);
                    }
                });
             Socket client = server.connect()) {
            InputStream in = client.getInputStream();
            // WHEN the client decodes three times on the one stream
            List<Msg> got = decodeEach(design, in, Golden.PAYLOADS, "on the client's socket stream");
            // THEN it gets the three payloads, equal in type and value, in order, then the end
            Expect.sameMsgs(got, Golden.PAYLOADS, "payloads decoded from the connection " + design.reread());
            EOFException end = Expect.thrown(EOFException.class,
                    "a fourth decode after the server closed must report the end of the stream " + design.reread(),
                    () -> design.decode(in));
            assertThat(end).as("the end between frames is a plain EOFException, not a truncated frame %s",
                    design.reread()).isNotInstanceOf(TruncatedFrameException.class);
        }
    }

    /** The chapter's other test: a binary header that claims 1 GiB. */
    static void oneGibibyteClaim(Design design, byte type) {
        // GIVEN a header claiming 1 << 30 bytes, and no value at all
        byte[] header = IndependentCodec.header(type, 1L << 30);
        // WHEN it is decoded
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "a header claiming 1073741824 bytes must be refused " + design.reread(),
                () -> design.decode(new ByteArrayInputStream(header)));
        // THEN the error carries the numbers
        assertThat(e.claimed()).as("claimed() of a 1 GiB claim %s", design.reread()).isEqualTo(1L << 30);
        assertThat(e.limit()).as("limit(): MAX_PAYLOAD_SIZE %s", design.reread()).isEqualTo(LIMIT);
        assertThat(e.type()).as("type(): the frame's type byte %s", design.reread()).isEqualTo(type);
        assertThat(e.getMessage()).as("getMessage() must give the claim, 1073741824, and the limit, 10485760 %s",
                design.reread()).contains("1073741824").contains("10485760");
    }

    static void goldenBytesDecode(Design design) throws IOException {
        // GIVEN the chapter's three frames, written out by hand
        InputStream in = new ByteArrayInputStream(Golden.ALL);
        // WHEN each is decoded in turn
        List<Msg> got = decodeEach(design, in, Golden.PAYLOADS, "on the chapter's hand-written frames");
        // THEN they are the chapter's payloads
        Expect.sameMsgs(got, Golden.PAYLOADS, "payloads decoded from the hand-written frames " + design.reread());
    }

    static void goldenBytesEncode(Design design) throws IOException {
        // GIVEN the chapter's three payloads WHEN written with the design's writeTo
        var out = new ByteArrayOutputStream();
        long total = 0;
        for (Msg m : Golden.PAYLOADS) {
            total += design.write(out, m);
        }
        // THEN the bytes are exactly the hand-written frames, and writeTo counted them
        assertThat(out.toByteArray()).as("bytes written for the chapter's payloads (reread 4.3a, Frame.write)")
                .isEqualTo(Golden.ALL);
        assertThat(total).as("sum of the writeTo results: 5 + value length each (reread 4.3a)")
                .isEqualTo(Golden.ALL.length);
    }

    /** Lesson 6: N frames, N calls, one stream, and the stream left just after them. */
    static void nFramesWithNCallsOnOneStream(Design design) throws IOException {
        // GIVEN the three frames followed by bytes that are no frame, in a stream without mark
        byte[] trailer = {'n', 'e', 'x', 't'};
        InputStream in = ChunkedInputStream.of(Golden.concat(Golden.ALL, trailer), List.of(1 << 16));
        // WHEN decode is called three times
        List<Msg> got = decodeEach(design, in, Golden.PAYLOADS, "on the chapter's frames followed by 4 other bytes");
        // THEN the three payloads come back and the stream sits at the trailer, nothing swallowed
        Expect.sameMsgs(got, Golden.PAYLOADS, "three decode calls on one stream " + design.reread());
        assertThat(in.readAllBytes()).as("bytes left after three frames: a decoder that buffers"
                + " ahead (a new BufferedInputStream per call) swallows them %s", design.reread())
                .isEqualTo(trailer);
    }

    /** After each decode the stream has given exactly the bytes of the frames so far. */
    static void readsEachByteOnceAndStopsAtTheNextFrame(Design design) throws IOException {
        // GIVEN the three frames in a stream that counts what it hands out and cannot mark
        var counting = new CountingInputStream(new ByteArrayInputStream(Golden.concat(Golden.ALL, Golden.ALL)));
        int[] ends = {Golden.CLEAR.length, Golden.CLEAR.length + Golden.ERRORS.length, Golden.ALL.length};
        for (int i = 0; i < 3; i++) {
            // WHEN one frame is decoded
            Msg got = design.decode(counting);
            // THEN exactly that frame's bytes have been taken from the stream, each once
            assertThat(got).as("frame %d of the chapter's three %s", i + 1, design.reread()).isEqualTo(Golden.PAYLOADS.get(i));
            assertThat(counting.delivered()).as("bytes taken from the stream after frame %d: the"
                    + " decoder must stop at the next frame's first byte %s", i + 1, design.reread())
                    .isEqualTo(ends[i]);
        }
    }

    /** Lesson 1: a value that arrives one byte per read, or in any other cut. */
    static void anyChunking(Design design) {
        forAll(Gen.lists(MsgGens.fitting(), 1, 4), StreamGens.readSizes(4096)).labels("payloads", "readSizes").tries(60)
                .check((msgs, sizes) -> {
            // GIVEN frames made by the independent encoder, handed out in reads of the given sizes
            InputStream in = ChunkedInputStream.of(IndependentCodec.encode(msgs), sizes);
            // WHEN decode is called once per frame
            List<Msg> got = decodeEach(design, in, msgs, "through reads of at most " + sizes + " bytes");
            // THEN every payload comes back whole; a single read() for the value cannot do it
            Expect.sameMsgs(got, msgs, "payloads read through reads of at most " + sizes + " bytes " + design.reread());
        });
    }

    /** Sequences with sizes from 0 to the limit and the edges, written here and read back chunked. */
    static void roundTripAnySequenceAnyChunking(Design design) {
        forAll(Gen.lists(MsgGens.any(2), 0, 4), StreamGens.readSizes(1 << 16)).labels("payloads", "readSizes").tries(40)
                .check((msgs, sizes) -> {
            // GIVEN payloads written one by one with the design's writeTo
            var out = new ByteArrayOutputStream();
            List<Msg> written = new ArrayList<>();
            for (Msg m : msgs) {
                if (m.value().length > LIMIT) {
                    // a value over the limit is refused before any of its bytes go out
                    int before = out.size();
                    Expect.thrown(FrameTooLargeException.class, "writeTo of a " + m.value().length
                            + "-byte value, over the limit, must be refused (reread 4.3a)", () -> design.write(out, m));
                    assertThat(out.size() - before).as("bytes written for a refused %d-byte value: check the limit"
                            + " before the first write (reread 4.3a)", m.value().length).isZero();
                } else {
                    design.write(out, m);
                    written.add(m);
                }
            }
            // WHEN they are read back through reads of the given sizes
            InputStream in = ChunkedInputStream.of(out.toByteArray(), sizes);
            List<Msg> got = decodeEach(design, in, written, "through reads of at most " + sizes + " bytes");
            // THEN the same sequence comes back, and then the end of the stream
            Expect.sameMsgs(got, written, "payloads written with writeTo and read back through reads of at most "
                    + sizes + " bytes " + design.reread());
            EOFException end = Expect.thrown(EOFException.class, "decode after the last of " + written.size()
                    + " frames must report the end of the stream " + design.reread(), () -> design.decode(in));
            assertThat(end).as("the exception at the end between frames: a plain EOFException, not a truncated frame %s",
                    design.reread()).isNotInstanceOf(TruncatedFrameException.class);
        });
    }

    /** The edges of the limit, each once: limit - 1 and limit pass, limit + 1 fails both ways. */
    static void limitEdges(Design design) throws IOException {
        for (int size : new int[] {LIMIT - 1, LIMIT}) {
            Msg m = MsgGens.filled(size, size % 2 == 0, size);
            var out = new ByteArrayOutputStream(size + 5);
            design.write(out, m);
            Msg got = design.decode(new ByteArrayInputStream(out.toByteArray()));
            String what = "a " + size + "-byte " + (m.type() == Msg.BINARY ? "binary" : "string")
                    + " value written with writeTo and decoded " + design.reread();
            assertThat(got.type()).as("type of %s", what).isEqualTo(m.type());
            Expect.sameBytes(got.value(), m.value(), "value of " + what);
        }
        Msg over = MsgGens.filled(LIMIT + 1, false, 1);
        FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class,
                "decoding a frame of 10485761 value bytes, limit + 1, made by another encoder " + design.reread(),
                () -> design.decode(new ByteArrayInputStream(IndependentCodec.encode(over))));
        assertThat(e.claimed()).as("claimed() of a 10485761-byte frame %s", design.reread()).isEqualTo(LIMIT + 1L);
    }

    /** Lesson 2: any claim over the limit fails, for both types, before the value is read. */
    static void anyClaimOverTheLimit(Design design) {
        forAll(Gen.longs(LIMIT + 1L, 0xFFFF_FFFFL), Gen.elements(Msg.BINARY, Msg.STRING)).labels("claimed", "type")
                .tries(100).check((claimed, type) -> {
            // GIVEN a header claiming more than the limit, then some bytes
            byte[] rest = {9, 9, 9};
            InputStream in = new ByteArrayInputStream(Golden.concat(IndependentCodec.header(type, claimed), rest));
            // WHEN it is decoded
            FrameTooLargeException e = Expect.thrown(FrameTooLargeException.class, "a "
                    + (type == Msg.BINARY ? "binary" : "string") + " header claiming " + claimed
                    + " bytes must be refused; Listing 4-8 forgets the check for strings " + design.reread(),
                    () -> design.decode(in));
            // THEN the numbers are right and nothing after the header was read
            assertThat(e.claimed()).as("claimed() of a claim of %d bytes %s", claimed, design.reread()).isEqualTo(claimed);
            assertThat(e.type()).as("type(): the frame's type byte %s", design.reread()).isEqualTo(type);
            assertThat(in.readAllBytes()).as("bytes left after the refused header: refuse before reading any"
                    + " value byte %s", design.reread()).isEqualTo(rest);
        });
    }

    /** Frames back to back, cut short after {@code cut} bytes. */
    record CutFrames(List<Msg> frames, int cut) {
    }

    /** Lesson 3: a stream cut anywhere inside a frame fails as truncated; cut between frames, it ends. */
    static void truncatedInputAlwaysFails(Design design) {
        Gen<CutFrames> cases = Gen.lists(MsgGens.small(), 1, 4).flatMap(msgs -> {
            byte[] bytes = IndependentCodec.encode(msgs);
            return Gen.integers(0, bytes.length - 1).map(cut -> new CutFrames(msgs, cut));
        });
        forAll(cases).labels("cutFrames").tries(150).check(c -> {
            List<Msg> msgs = c.frames();
            int cut = c.cut();
            // GIVEN the frames cut short after `cut` bytes
            byte[] bytes = Arrays.copyOf(IndependentCodec.encode(msgs), cut);
            InputStream in = new ByteArrayInputStream(bytes);
            // WHEN every whole frame is decoded, and then one more
            int start = 0;
            int whole = 0;
            while (whole < msgs.size() && start + msgs.get(whole).frameSize() <= cut) {
                start += msgs.get(whole).frameSize();
                whole++;
            }
            for (int i = 0; i < whole; i++) {
                assertThat(design.decode(in)).as("frame %d of %d, whole before the cut at byte %d %s",
                        i + 1, msgs.size(), cut, design.reread()).isEqualTo(msgs.get(i));
            }
            Msg cutOne = msgs.get(whole);
            int arrived = cut - start;
            String what = "frame " + (whole + 1) + ", " + cutOne.frameSize() + " bytes of which " + arrived + " arrived";
            EOFException e = Expect.thrown(EOFException.class, "decoding " + what + " " + design.reread(),
                    () -> design.decode(in));
            // THEN a cut at a frame's start is the plain end; a cut inside it is a TruncatedFrameException
            // naming the part where the cut fell
            if (arrived == 0) {
                assertThat(e).as("the exception when the stream ends between frames: a plain EOFException %s",
                        design.reread()).isNotInstanceOf(TruncatedFrameException.class);
                return;
            }
            assertThat(e).as("the exception for %s %s", what, design.reread()).isInstanceOf(TruncatedFrameException.class);
            TruncatedFrameException t = (TruncatedFrameException) e;
            String kind = cutOne.type() == Msg.BINARY ? "binary" : "string";
            boolean inLength = arrived <= 4;
            assertThat(t.part()).as("part() for %s (reread 4.3b)", what)
                    .isEqualTo(kind + (inLength ? " length field" : " value"));
            assertThat(t.expected()).as("expected() for %s (reread 4.3b)", what)
                    .isEqualTo(inLength ? 4 : cutOne.value().length);
            assertThat(t.arrived()).as("arrived() for %s: bytes of the %s that came (reread 4.3b)", what,
                    inLength ? "length field" : "value").isEqualTo(inLength ? arrived - 1 : arrived - 5);
        });
    }

    /** Truncation with the numbers: the value cut after 37 of 100 bytes. */
    static void truncatedValueGivesTheCounts(Design design) {
        byte[] frame = IndependentCodec.encode(MsgGens.filled(100, false, 7));
        TruncatedFrameException e = Expect.thrown(TruncatedFrameException.class,
                "decoding a binary frame whose value stops after 37 of 100 bytes " + design.reread(),
                () -> design.decode(new ByteArrayInputStream(Arrays.copyOf(frame, 5 + 37))));
        assertThat(e.part()).as("part() of a binary frame cut inside its value %s", design.reread())
                .isEqualTo("binary value");
        assertThat(e.expected()).as("expected(): the 100 bytes the length announced %s", design.reread())
                .isEqualTo(100);
        assertThat(e.arrived()).as("arrived(): the 37 value bytes that came %s", design.reread()).isEqualTo(37);
    }

    /** Lesson 4: a header alone must not make the decoder allocate what it claims. */
    static void allocatesWithTheBytesNotTheClaim(Design design) {
        // GIVEN a five-byte header claiming the limit, 10 MiB, and then the end of the stream
        byte[] header = IndependentCodec.header(Msg.BINARY, LIMIT);
        // WHEN it is decoded (it fails: the value never comes)
        long allocated = AllocationMeter.allocatedBy(5, () -> design.decode(new ByteArrayInputStream(header)));
        // THEN far less than 10 MiB was allocated
        assertThat(allocated).as("bytes allocated (must stay under 1048576) decoding a header that claims 10485760 bytes and"
                + " then ends: read the value in bounded chunks, not new byte[claimed] (reread 4.3b) %s",
                design.reread()).isLessThan(1L << 20);
        Expect.thrown(TruncatedFrameException.class, "decoding a header claiming 10485760 bytes and no value "
                + design.reread(),
                () -> design.decode(new ByteArrayInputStream(header)));
    }

    /** Lesson 5 at the decoder: a malformed string frame fails, and the next frame still decodes. */
    static void malformedTextThenTheNextFrame(Design design) throws IOException {
        // GIVEN a string frame whose value is "ab", a lone 0xC3, "(" and then the chapter's frames
        Msg bad = new Msg(Msg.STRING, new byte[] {'a', 'b', (byte) 0xC3, '('});
        InputStream in = new ByteArrayInputStream(Golden.concat(IndependentCodec.encode(bad), Golden.PANIC));
        // WHEN decoded THEN it is a MalformedTextException at offset 2, not text with U+FFFD in it
        MalformedTextException e = Expect.thrown(MalformedTextException.class,
                "decoding a string frame whose value 61 62 c3 28 is not UTF-8 " + design.reread() + " (and 4.3c)",
                () -> design.decode(in));
        assertThat(e.offset()).as("offset() of the bad byte c3 in 61 62 c3 28 (reread 4.3c)").isEqualTo(2);
        // AND the frame was consumed whole, so the next one decodes
        assertThat(design.decode(in)).as("the frame after the malformed one: the malformed frame must be read"
                + " whole before Utf8.decode refuses it %s", design.reread()).isEqualTo(Msg.binary("Don't panic."));
    }

    static void unknownType(Design design) throws IOException {
        // GIVEN a frame of type 7
        byte[] bytes = IndependentCodec.encode(new Msg((byte) 7, new byte[] {'x'}));
        InputStream in = new ByteArrayInputStream(bytes);
        // WHEN decoded THEN it fails naming the type, having read only the type byte
        FrameTypeException e = Expect.thrown(FrameTypeException.class, "decoding a frame of type 7 " + design.reread(),
                () -> design.decode(in));
        assertThat(e.type()).as("type() of a frame of type 7 %s", design.reread()).isEqualTo(7);
        assertThat(in.available()).as("bytes left of the %d-byte frame after its unknown type byte: read only that byte %s",
                bytes.length, design.reread()).isEqualTo(bytes.length - 1);
    }

    /** Random bytes end in a documented exception, never another one, a hang or an OutOfMemoryError. */
    static void randomBytesOnlyDocumentedExceptions(Design design) {
        Gen<byte[]> mutated = Gen.combine(Gen.lists(MsgGens.small(), 1, 3), Gen.integers(0, 1 << 20),
                Gen.integers(0, 255), (msgs, at, b) -> {
                    byte[] bytes = IndependentCodec.encode(msgs);
                    bytes[at % bytes.length] = (byte) (int) b;
                    return bytes;
                });
        Gen<byte[]> input = Gen.oneOf(Gen.bytes(0, 64), mutated,
                Gen.bytes(0, 40).map(b -> Golden.concat(new byte[] {Msg.STRING, 0, 0, 0, (byte) b.length}, b)));
        forAll(input).labels("input").tries(300).check(bytes -> {
            InputStream in = new ByteArrayInputStream(bytes);
            // Each decode takes at least one byte, so this loop ends.
            for (int i = 0; i <= bytes.length; i++) {
                try {
                    design.decode(in);
                } catch (EOFException | FrameTooLargeException | FrameTypeException | MalformedTextException expected) {
                    return;
                } catch (IOException | RuntimeException other) {
                    throw new AssertionError("decode of " + bytes.length + " bytes threw " + other + ": expected only"
                            + " EOFException, TruncatedFrameException, FrameTooLargeException, FrameTypeException or"
                            + " MalformedTextException " + design.reread(), other);
                }
            }
            throw new AssertionError("decode kept returning payloads after the " + bytes.length
                    + " input bytes were used up " + design.reread());
        });
    }

    /** Frames made by another encoder decode here, and frames made here decode there. */
    static void conformsToAnIndependentCodec(Design design) {
        forAll(Gen.lists(MsgGens.fitting(), 0, 5)).labels("payloads").tries(60).check(msgs -> {
            // GIVEN frames made by the independent encoder WHEN decoded here THEN the same payloads
            InputStream in = new ByteArrayInputStream(IndependentCodec.encode(msgs));
            List<Msg> got = decodeEach(design, in, msgs, "on frames from the independent encoder");
            Expect.sameMsgs(got, msgs, "frames from the independent encoder, decoded " + design.reread());
            // GIVEN the same payloads written here WHEN decoded by the independent decoder THEN the same
            var out = new ByteArrayOutputStream();
            for (Msg m : msgs) {
                design.write(out, m);
            }
            Expect.sameBytes(out.toByteArray(), IndependentCodec.encode(msgs),
                    "frames written with writeTo, against the independent encoder's (reread 4.3a)");
            Expect.sameMsgs(IndependentCodec.decodeAll(out.toByteArray()), msgs,
                    "frames written with writeTo, read by the independent decoder (reread 4.3a)");
        });
    }
}
