package ch04.pitfalls;

/**
 * The states of a TCP connection as Linux numbers them in the {@code st} column of
 * {@code /proc/net/tcp} (its {@code include/net/tcp_states.h}).
 *
 * <pre>
 *  client                                     server
 *  ESTABLISHED ────────── data ────────────── ESTABLISHED
 *  close(): FIN ─────────────────────────────► CLOSE_WAIT    the server has read the end of the stream;
 *  FIN_WAIT1 ◄──────────── ACK ───────────────               its kernel now waits for the program's close()
 *  FIN_WAIT2                                                 ← Listing 4-27's server never calls it: stuck here
 *            ◄──────────── FIN ─────────────── close(): LAST_ACK
 *  TIME_WAIT ────────────── ACK ─────────────► (gone)
 * </pre>
 */
public enum TcpState {
    ESTABLISHED(0x01),
    SYN_SENT(0x02),
    SYN_RECV(0x03),
    FIN_WAIT1(0x04),
    FIN_WAIT2(0x05),
    TIME_WAIT(0x06),
    CLOSE(0x07),
    CLOSE_WAIT(0x08),
    LAST_ACK(0x09),
    LISTEN(0x0A),
    CLOSING(0x0B),
    NEW_SYN_RECV(0x0C);

    private final int code;

    TcpState(int code) {
        this.code = code;
    }

    /** The state's number in {@code /proc/net/tcp}, where it is written in hex: {@code 08} is CLOSE_WAIT. */
    public int code() {
        return code;
    }

    /**
     * The state numbered {@code code}.
     *
     * @throws IllegalArgumentException for a number Linux does not use, naming it
     */
    public static TcpState ofCode(int code) {
        for (TcpState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("no TCP state has the number " + code);
    }
}
