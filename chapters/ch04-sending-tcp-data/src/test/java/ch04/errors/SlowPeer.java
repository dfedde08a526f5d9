package ch04.errors;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import workbook.fixtures.FakeClock;

/**
 * A fake connection to a peer that sends on its own schedule, on a {@link FakeClock}: the stream
 * and the read timeout of one socket, for {@link DeadlineInputStream}.
 *
 * <p>The peer sends chunk {@code k} (sizes from {@code chunkSizes}, in a cycle) once the gaps
 * {@code gaps[0..k]} (in a cycle) have passed since the clock started, and closes after its last
 * byte. A read behaves as a socket's with {@code setSoTimeout}: it returns what has arrived (up to
 * what was asked); when nothing has, it moves the clock on to the next arrival if that comes within
 * the timeout, and otherwise moves the clock on by the timeout and throws
 * {@link SocketTimeoutException}, consuming nothing. A timeout of 0 waits as long as it takes.
 */
final class SlowPeer extends InputStream implements ReadTimeout {

    private final FakeClock clock;
    private final byte[] data;
    private final List<Integer> chunkSizes;
    private final List<Duration> gaps;
    private final List<Integer> timeoutsSet = new ArrayList<>();
    private int timeoutMillis;
    private int position;
    private int calls;

    SlowPeer(FakeClock clock, byte[] data, List<Integer> chunkSizes, List<Duration> gaps) {
        this.clock = Objects.requireNonNull(clock);
        this.data = data.clone();
        this.chunkSizes = List.copyOf(chunkSizes);
        this.gaps = List.copyOf(gaps);
    }

    /** A peer that sends one byte every {@code gap}, the first one {@code gap} after the start. */
    static SlowPeer dribbling(FakeClock clock, byte[] data, Duration gap) {
        return new SlowPeer(clock, data, List.of(1), List.of(gap));
    }

    @Override
    public void set(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout can't be negative: " + millis);
        }
        timeoutsSet.add(millis);
        timeoutMillis = millis;
    }

    /** Every timeout set, in ms, in order. */
    List<Integer> timeoutsSet() {
        return List.copyOf(timeoutsSet);
    }

    /** How many reads and skips reached this stream. */
    int calls() {
        return calls;
    }

    /** How many bytes have been read from it. */
    int position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        int n = waitForBytes(len);
        if (n > 0) {
            System.arraycopy(data, position, b, off, n);
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        int got = waitForBytes((int) Math.min(n, Integer.MAX_VALUE));
        position += Math.max(got, 0);
        return Math.max(got, 0);
    }

    /** Waits as a socket read would; the count of bytes available to take now, or -1 at the end. */
    private int waitForBytes(int len) throws SocketTimeoutException {
        calls++;
        if (len == 0) {
            return 0;
        }
        if (position == data.length) {
            return -1;
        }
        if (arrivedBy(clock.elapsed()) == position) {
            Duration wait = nextArrivalAfter(position).minus(clock.elapsed());
            if (timeoutMillis != 0 && wait.compareTo(Duration.ofMillis(timeoutMillis)) > 0) {
                clock.advance(Duration.ofMillis(timeoutMillis));
                throw new SocketTimeoutException("Read timed out (fake peer, after " + timeoutMillis + " ms)");
            }
            clock.advance(wait);
        }
        return Math.min(len, arrivedBy(clock.elapsed()) - position);
    }

    /** How many bytes the peer has sent by {@code time}. */
    private int arrivedBy(Duration time) {
        Duration at = Duration.ZERO;
        int sent = 0;
        for (int k = 0; sent < data.length; k++) {
            at = at.plus(gaps.get(k % gaps.size()));
            if (at.compareTo(time) > 0) {
                break;
            }
            sent = Math.min(data.length, sent + chunkSizes.get(k % chunkSizes.size()));
        }
        return sent;
    }

    /** When the chunk holding byte {@code index} arrives. */
    private Duration nextArrivalAfter(int index) {
        Duration at = Duration.ZERO;
        int sent = 0;
        for (int k = 0; ; k++) {
            at = at.plus(gaps.get(k % gaps.size()));
            sent += chunkSizes.get(k % chunkSizes.size());
            if (sent > index) {
                return at;
            }
        }
    }
}
