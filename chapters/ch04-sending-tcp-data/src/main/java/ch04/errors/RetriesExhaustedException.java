package ch04.errors;

import java.io.IOException;

/**
 * Every try of a {@link Retry} failed with a failure worth retrying, and the budget is spent: Go's
 * "temporary write failure threshold exceeded" (Listing 4-13), with the numbers.
 *
 * <p>The cause is the last try's failure; the earlier tries' failures are attached as suppressed
 * exceptions, in order. Not worth retrying itself (see {@link Failures}): its retries are done.
 */
public class RetriesExhaustedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int tries;

    /**
     * @param tries   how many tries were made, all failed
     * @param last    the last try's failure
     */
    public RetriesExhaustedException(int tries, IOException last) {
        super("gave up after " + tries + (tries == 1 ? " try" : " tries")
                + ", each failed with an error worth retrying; the last: " + last, last);
        this.tries = tries;
    }

    /** How many tries were made before giving up. */
    public int tries() {
        return tries;
    }
}
