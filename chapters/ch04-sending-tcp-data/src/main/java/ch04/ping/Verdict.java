package ch04.ping;

import java.io.IOException;
import workbook.NotStartedException;

/**
 * What a failed connect means for the run: try again at the next interval, stop with an error, or
 * stop because the user asked to.
 *
 * <p>Go's Listing 4-22 asks the error whether it is {@code Temporary()}, a method Go has since
 * deprecated because so few errors can honestly answer it. Java has no such flag; the exception's
 * type is all there is. For a connect, only a timeout is worth another attempt: a refusal, an
 * unknown name or a missing route will be the same a second later.
 */
public enum Verdict {

    /** Nobody answered within the timeout: report it and go on with the next attempt. */
    TIMED_OUT,

    /** An answer that another attempt would only repeat (refused, unknown host, no route): report it and stop. */
    PERMANENT,

    /** The thread was interrupted (the user pressed Ctrl+C): stop at once, and report no attempt. */
    INTERRUPTED;

    /**
     * Classifies the exception a connect attempt threw.
     *
     * <ul>
     *   <li>{@link java.net.SocketTimeoutException}: {@link #TIMED_OUT}.</li>
     *   <li>{@link java.nio.channels.ClosedByInterruptException} (a channel's blocking call was
     *       interrupted), or any other {@link java.io.InterruptedIOException}: {@link #INTERRUPTED}.</li>
     *   <li>anything else, such as {@link java.net.ConnectException} (refused),
     *       {@link java.net.UnknownHostException} or {@link java.net.NoRouteToHostException}:
     *       {@link #PERMANENT}.</li>
     * </ul>
     * The message is never consulted: it is for people, and it changes with the platform.
     *
     * @param failure what the connect threw
     * @return its verdict, never null
     * @throws NullPointerException if {@code failure} is null
     */
    public static Verdict of(IOException failure) {
        throw new NotStartedException("4.7b");
    }
}
