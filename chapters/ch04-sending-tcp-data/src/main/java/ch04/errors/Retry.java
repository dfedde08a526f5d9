package ch04.errors;

import java.io.IOException;
import java.util.function.Predicate;
import workbook.NotStartedException;

/**
 * Listing 4-13's retry loop: try an I/O call up to {@code maxTries} times while it fails with an
 * error worth retrying, pausing between tries; return a permanent failure at once; give up with
 * {@link RetriesExhaustedException} once the budget is spent.
 *
 * <pre>{@code
 * Retry retry = Retry.listing413(Sleeper.THREAD);     // 7 tries, 10 s apart, Failures::isWorthRetrying
 * retry.run(() -> out.write(message));                // (see RetryingOutputStream for why not like this)
 * }</pre>
 *
 * <p>The pause comes from the {@link Backoff} and is taken through the {@link Sleeper}, never by
 * {@code Thread.sleep} directly, so a test passes {@code clock::sleep} and checks the pauses
 * without waiting. There is no pause after the last try: Listing 4-13 sleeps once more before it
 * gives up, 10 s spent learning nothing.
 *
 * @param maxTries      the most tries, at least 1 (1 means no retry); Listing 4-13's is {@link #MAX_TRIES}
 * @param worthRetrying which failures get another try; {@link Failures#isWorthRetrying} in production
 * @param backoff       the pause after each failed try
 * @param sleeper       how to pause: {@link Sleeper#THREAD}, or a fake in a test
 */
public record Retry(int maxTries, Predicate<? super IOException> worthRetrying, Backoff backoff, Sleeper sleeper) {

    /** Listing 4-13's budget: 7 tries. */
    public static final int MAX_TRIES = 7;

    /**
     * @throws IllegalArgumentException if {@code maxTries < 1}
     * @throws NullPointerException     if any other argument is null
     */
    public Retry {
        throw new NotStartedException("4.4c");
    }

    /** Listing 4-13 as printed: {@value #MAX_TRIES} tries, {@link Backoff#LISTING_PAUSE} between them. */
    public static Retry listing413(Sleeper sleeper) {
        return new Retry(MAX_TRIES, Failures::isWorthRetrying, Backoff.constant(Backoff.LISTING_PAUSE), sleeper);
    }

    /**
     * The workbook's choice: {@value #MAX_TRIES} tries, pauses from {@link Backoff#FIRST_PAUSE}
     * doubling up to {@link Backoff#MAX_PAUSE}.
     */
    public static Retry standard(Sleeper sleeper) {
        return new Retry(MAX_TRIES, Failures::isWorthRetrying,
                Backoff.exponential(Backoff.FIRST_PAUSE, Backoff.MAX_PAUSE), sleeper);
    }

    /** One try of an I/O call that returns a value. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws IOException;
    }

    /** One try of an I/O call that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /**
     * Runs {@code attempt} until it returns, at most {@link #maxTries()} times.
     *
     * <p>After a failed try: a failure that is not {@link #worthRetrying()} is thrown at once,
     * unchanged; otherwise, if tries are left, the {@link #sleeper()} pauses for
     * {@code backoff.pauseAfter(failedTries)} and the next try starts. No pause follows the last try.
     * A {@link RuntimeException} from {@code attempt} is thrown at once and never retried.
     *
     * @return what the first successful try returned
     * @throws RetriesExhaustedException if all {@link #maxTries()} tries failed with a failure worth
     *     retrying ({@code tries()} is {@link #maxTries()}, the cause the last failure, the earlier
     *     ones suppressed, in order)
     * @throws InterruptedIOException    if the thread is interrupted during a pause; its interrupt
     *     flag is set again and no further try is made
     * @throws IOException               the first failure not worth retrying, as it was thrown
     */
    public <T> T call(Attempt<T> attempt) throws IOException {
        throw new NotStartedException("4.4c");
    }

    /** {@link #call} for an action without a result. */
    public void run(Action action) throws IOException {
        call(() -> {
            action.run();
            return null;
        });
    }
}
