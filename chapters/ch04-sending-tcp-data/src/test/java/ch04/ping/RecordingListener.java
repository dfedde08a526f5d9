package ch04.ping;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A {@link Pinger.Listener} that keeps what it heard, in order. */
final class RecordingListener implements Pinger.Listener {

    private final List<InetSocketAddress> started = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();

    @Override
    public void started(InetSocketAddress address) {
        if (!attempts.isEmpty()) {
            throw new AssertionError("started(" + address + ") came after attempts " + attempts
                    + ": tell the listener the address once, before the first attempt");
        }
        started.add(address);
    }

    @Override
    public void attempted(Attempt attempt) {
        if (started.isEmpty()) {
            throw new AssertionError("attempted(" + attempt + ") came before started(address):"
                    + " tell the listener the address before the first attempt");
        }
        attempts.add(attempt);
    }

    List<InetSocketAddress> started() {
        return List.copyOf(started);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }
}
