package ch04.tlv;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A second implementation of the frame, written from the layout alone and sharing no code with
 * the exercises: frames it makes must decode there, and frames made there must decode here.
 */
final class IndependentCodec {

    private IndependentCodec() {
    }

    /** The frames of {@code msgs}, back to back; no limit is checked, so it can make bad frames too. */
    static byte[] encode(List<Msg> msgs) {
        int total = msgs.stream().mapToInt(Msg::frameSize).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total); // big-endian unless told otherwise
        for (Msg m : msgs) {
            buffer.put(m.type()).putInt(m.value().length).put(m.value());
        }
        return buffer.array();
    }

    static byte[] encode(Msg... msgs) {
        return encode(List.of(msgs));
    }

    /** A header alone: the type and a length that may claim anything up to 2^32 - 1. */
    static byte[] header(byte type, long claimed) {
        return ByteBuffer.allocate(5).put(type).putInt((int) claimed).array();
    }

    /** Every frame in {@code bytes}, which must hold whole, well-formed frames and nothing else. */
    static List<Msg> decodeAll(byte[] bytes) throws IOException {
        List<Msg> out = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        while (true) {
            int type = in.read();
            if (type < 0) {
                return out;
            }
            long length = Integer.toUnsignedLong(in.readInt());
            if (length > Frame.MAX_PAYLOAD_SIZE) {
                throw new IOException("independent decoder: frame claims " + length + " bytes");
            }
            byte[] value = new byte[(int) length];
            try {
                in.readFully(value);
            } catch (EOFException e) {
                throw new IOException("independent decoder: frame cut short", e);
            }
            out.add(new Msg((byte) type, value));
        }
    }
}
