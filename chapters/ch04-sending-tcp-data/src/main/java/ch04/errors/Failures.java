package ch04.errors;

import java.io.IOException;
import workbook.NotStartedException;

/**
 * Which I/O failures are worth another try: the Java for Go's {@code net.Error.Temporary()}, which
 * Java does not have (and which Go deprecated, because few errors really are temporary).
 *
 * <p>A failure is worth retrying when the connection is still whole and a later call can succeed
 * where this one failed. Java says so with types, and only one of them says it clearly:
 *
 * <table>
 *   <caption>What a failure means for a retry</caption>
 *   <tr><th>failure</th><th>retry?</th><th>why</th></tr>
 *   <tr><td>{@link SocketTimeoutException} (a read, connect or write that took longer than its
 *       timeout)</td><td>yes</td><td>the socket is intact and nothing was lost: a timed-out read
 *       consumed nothing, a timed-out write says in {@code bytesTransferred} how much went out, so a
 *       retry sends the rest. The peer was slow, and may not be next time</td></tr>
 *   <tr><td>{@link DeadlineExceededException} (a timeout too)</td><td>no</td><td>the deadline of
 *       the exchange has passed and does not move: every later call fails at once</td></tr>
 *   <tr><td>{@code SocketException: Connection reset} (a read after the peer sent RST)</td>
 *       <td>no</td><td>the peer threw the connection away, with whatever it had not read</td></tr>
 *   <tr><td>{@code SocketException: Broken pipe} or {@code Connection reset by peer} (a write
 *       after RST)</td><td>no</td><td>the same connection, seen from the write side</td></tr>
 *   <tr><td>{@code SocketException: Socket closed} (or {@code Socket is closed}), {@code ClosedChannelException}</td>
 *       <td>no</td><td>our own side closed it; nothing will reopen it</td></tr>
 *   <tr><td>{@code IOException: Connection reset by peer} from a {@code SocketChannel}</td>
 *       <td>no</td><td>a reset again, reported by NIO as a plain {@code IOException}: a rule that
 *       only refuses {@code SocketException} would retry it</td></tr>
 *   <tr><td>{@code InterruptedIOException} that is not a timeout, {@code ClosedByInterruptException}</td>
 *       <td>no</td><td>someone asked this thread to stop</td></tr>
 *   <tr><td>{@code EOFException}, {@code ConnectException}, anything else</td><td>no</td>
 *       <td>a retry on the same connection cannot change the answer, and a failure we do not
 *       understand is not one to repeat seven times</td></tr>
 * </table>
 *
 * <p>Only the failure itself counts, not its causes: an exception that wraps a timeout (such as
 * {@link RetriesExhaustedException}, whose cause is the last timeout) has already been through a
 * retry, and retrying it again would multiply the budget.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Whether {@code failure} is worth another try on the same connection (see the table above).
     *
     * @param failure what a read, write or connect threw
     * @return true only for a per-call timeout: a {@link SocketTimeoutException} that is not a
     *     {@link DeadlineExceededException}
     */
    public static boolean isWorthRetrying(IOException failure) {
        throw new NotStartedException("4.4b");
    }
}
