package ch04.ping;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * What one connect attempt came to: one line of the ping command's output and one entry in the
 * run's {@link Statistics}.
 *
 * <p>{@code number} counts the attempts from 1, as the system {@code ping} counts its
 * {@code icmp_seq}. {@code elapsed} runs from just before the connect to just after it returned
 * or threw, read on the {@link Pinger}'s clock: for a timeout it is about the timeout.
 */
public sealed interface Attempt {

    /** The attempt's place in the run, from 1. */
    long number();

    /** How long the connect took, or waited before it gave up. */
    Duration elapsed();

    /** The connect completed: the host answered the SYN with a SYN-ACK. */
    record Connected(long number, Duration elapsed) implements Attempt {
        public Connected {
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** No answer within the timeout. The ping command reports it and goes on. */
    record TimedOut(long number, Duration elapsed) implements Attempt {
        public TimedOut {
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /**
     * A failure that another attempt would only repeat ({@link Verdict#PERMANENT}), such as a
     * refusal. The ping command reports it and stops.
     */
    record Failed(long number, Duration elapsed, IOException cause) implements Attempt {
        public Failed {
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
