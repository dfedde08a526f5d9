package ch04.tlv;

import java.util.List;
import java.util.SplittableRandom;
import workbook.property.Alphabet;
import workbook.property.Gen;
import workbook.property.Weighted;

/**
 * Generators of {@link Msg}s: mostly small ones, some up to 200 KB, and rarely the edges of the
 * limit (limit - 1, limit, limit + 1), which are 10 MiB each and so kept rare. Large values are
 * filled from a drawn seed, so they replay and shrink like everything else.
 */
final class MsgGens {

    private MsgGens() {
    }

    static Gen<Msg> small() {
        return Gen.oneOf(
                Gen.bytes(0, 300).map(Msg::binary),
                Gen.strings(Alphabet.UNICODE, 0, 60).map(Msg::text),
                Gen.strings(Alphabet.ASCII, 0, 60).map(Msg::text));
    }

    static Gen<Msg> sized(Gen<Integer> sizes) {
        return Gen.combine(sizes, Gen.booleans(), Gen.longs(0, Long.MAX_VALUE), MsgGens::filled);
    }

    /** A binary value of random bytes, or a text of ASCII letters, of exactly {@code size} bytes. */
    static Msg filled(int size, boolean text, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] value = new byte[size];
        if (text) {
            for (int i = 0; i < size; i++) {
                value[i] = (byte) ('a' + random.nextInt(26));
            }
            return new Msg(Msg.STRING, value);
        }
        random.nextBytes(value);
        return new Msg(Msg.BINARY, value);
    }

    /** Small and medium values, and the edges of the limit once in {@code 1 / edgeShare} or so. */
    static Gen<Msg> any(int edgeWeight) {
        return Gen.frequency(List.of(
                Weighted.of(80, small()),
                Weighted.of(18, sized(Gen.integers(0, 200_000))),
                Weighted.of(edgeWeight, sized(Gen.elements(Frame.MAX_PAYLOAD_SIZE - 1, Frame.MAX_PAYLOAD_SIZE, Frame.MAX_PAYLOAD_SIZE + 1)))));
    }

    /** Values that fit the limit and are at most a few hundred KB. */
    static Gen<Msg> fitting() {
        return any(0);
    }
}
