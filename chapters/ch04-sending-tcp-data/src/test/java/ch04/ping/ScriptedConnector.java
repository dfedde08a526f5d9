package ch04.ping;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import workbook.fixtures.FakeClock;

/**
 * A {@link Pinger.Connector} that plays a script on a {@link FakeClock}: each call takes the next
 * step, moves the clock by the time the step says the connect took, and returns or throws as a
 * real connect would. It records every call, so a test can check the address and the timeout.
 */
final class ScriptedConnector implements Pinger.Connector {

    /** One connect's outcome. */
    sealed interface Step {
    }

    /** Connects after {@code took}. */
    record Connects(Duration took) implements Step {
    }

    /** Nobody answers: the clock moves by the timeout the call was given, then a SocketTimeoutException. */
    record TimesOut() implements Step {
    }

    /** Fails after {@code took} with {@code failure}, such as a refusal. */
    record Fails(Duration took, IOException failure) implements Step {
    }

    /** The user pressed Ctrl+C during the connect: the thread is interrupted and the channel closed. */
    record Interrupted() implements Step {
    }

    /** One call the code under test made. */
    record Call(InetSocketAddress address, Duration timeout) {
    }

    static Step connects(Duration took) {
        return new Connects(took);
    }

    static Step timesOut() {
        return new TimesOut();
    }

    static Step refuses(Duration took) {
        return new Fails(took, new ConnectException("Connection refused"));
    }

    static Step fails(Duration took, IOException failure) {
        return new Fails(took, failure);
    }

    static Step interrupted() {
        return new Interrupted();
    }

    private final FakeClock clock;
    private final Deque<Step> steps;
    private final List<Call> calls = new ArrayList<>();

    ScriptedConnector(FakeClock clock, List<Step> steps) {
        this.clock = clock;
        this.steps = new ArrayDeque<>(steps);
    }

    @Override
    public void connect(InetSocketAddress address, Duration timeout) throws IOException {
        calls.add(new Call(address, timeout));
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("connect was called " + calls.size() + " times, but the test scripted "
                    + (calls.size() - 1) + " attempts: the loop made more attempts than it should (count, a"
                    + " permanent failure or an interrupt should have ended it)");
        }
        switch (step) {
            case Connects c -> clock.advance(c.took());
            case TimesOut t -> {
                clock.advance(timeout);
                throw new SocketTimeoutException("Connect timed out");
            }
            case Fails f -> {
                clock.advance(f.took());
                throw f.failure();
            }
            case Interrupted i -> {
                // What a SocketChannel does when its thread is interrupted in connect.
                Thread.currentThread().interrupt();
                throw new ClosedByInterruptException();
            }
        }
    }

    /** Every call, in order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }
}
