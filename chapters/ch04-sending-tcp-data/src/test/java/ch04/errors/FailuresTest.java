package ch04.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4.4b: {@link Failures#isWorthRetrying}, the Java for Go's {@code Temporary()}, on
 * failures made up for the purpose and on failures real connections produce.
 */
@Tag("4.4")
class FailuresTest {

    @Test
    @Tag("4.4b")
    void should_retry_a_timeout_because_the_connection_is_still_whole() {
        // GIVEN timeouts of a read (nothing moved) and of a write (part of it moved)
        var readTimeout = new SocketTimeoutException("Read timed out");
        var writeTimeout = new SocketTimeoutException("Write timed out");
        writeTimeout.bytesTransferred = 1000;
        // WHEN classified THEN both are worth another try
        assertThat(Failures.isWorthRetrying(readTimeout)).as("isWorthRetrying(SocketTimeoutException of a read):"
                + " the socket is intact and the read consumed nothing, so a later read may succeed").isTrue();
        assertThat(Failures.isWorthRetrying(writeTimeout)).as("isWorthRetrying(SocketTimeoutException of a write"
                + " that moved 1000 bytes): the connection is intact, and bytesTransferred says where to go on").isTrue();
    }

    @Test
    @Tag("4.4b")
    void should_retry_the_timeout_of_a_real_socket() throws IOException {
        // GIVEN what a real read throws when a silent peer lets its 50 ms timeout pass
        IOException real = RealFailures.readTimeout(Duration.ofMillis(50));
        // WHEN classified THEN it is worth another try
        assertThat(real).as("what a read with setSoTimeout(50) threw on a silent peer")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(Failures.isWorthRetrying(real)).as("isWorthRetrying(%s) from a real socket", real).isTrue();
    }

    @Test
    @Tag("4.4b")
    void should_not_retry_once_the_deadline_of_the_exchange_has_passed() {
        // GIVEN a passed deadline: a SocketTimeoutException too
        var passed = new DeadlineExceededException(Duration.ofSeconds(5), Duration.ofMillis(5001));
        // WHEN classified THEN it is not worth another try
        assertThat(Failures.isWorthRetrying(passed)).as("isWorthRetrying(DeadlineExceededException): it is a"
                + " SocketTimeoutException, but the deadline does not move, so every retry fails at once; check for it"
                + " before the general timeout").isFalse();
    }

    @Test
    @Tag("4.4b")
    void should_not_retry_a_connection_the_peer_reset() throws IOException {
        // GIVEN what a real read throws after the peer reset the connection (linger 0, close)
        IOException reset = RealFailures.readAfterReset();
        // WHEN classified THEN it is permanent
        assertThat(reset).as("what a read threw after the peer's RST").isInstanceOf(SocketException.class);
        assertThat(Failures.isWorthRetrying(reset)).as("isWorthRetrying(%s) from a real socket: the peer threw the"
                + " connection away, and a retry on it fails again; retrying every IOException retries this", reset)
                .isFalse();
    }

    @Test
    @Tag("4.4b")
    void should_not_retry_a_write_into_a_broken_pipe() throws IOException {
        // GIVEN what a real write throws once the peer has reset the connection
        IOException pipe = RealFailures.writeAfterReset();
        // WHEN classified THEN it is permanent
        assertThat(pipe).as("what a write threw after the peer's RST had been read").isInstanceOf(SocketException.class);
        assertThat(Failures.isWorthRetrying(pipe)).as("isWorthRetrying(%s) from a real socket: the connection is"
                + " gone, so every write fails the same way", pipe).isFalse();
    }

    @Test
    @Tag("4.4b")
    void should_not_retry_on_a_socket_that_is_closed() throws IOException {
        // GIVEN what a real read throws on a socket this side has closed
        IOException closed = RealFailures.readOnClosedSocket();
        // WHEN classified THEN it is permanent
        assertThat(Failures.isWorthRetrying(closed)).as("isWorthRetrying(%s) from a real socket: nothing reopens a"
                + " closed socket", closed).isFalse();
    }

    @Test
    @Tag("4.4b")
    void should_not_retry_a_reset_that_a_channel_reports_as_a_plain_IOException() throws IOException {
        // GIVEN what a real SocketChannel write throws after the peer reset the connection
        IOException reset = RealFailures.channelWriteAfterReset();
        // WHEN classified THEN it is permanent, though it is no SocketException
        assertThat(reset).as("what a SocketChannel write threw after the peer's RST").isNotNull()
                .isNotInstanceOf(SocketException.class);
        assertThat(Failures.isWorthRetrying(reset)).as("isWorthRetrying(%s) from a real SocketChannel: NIO reports a"
                + " reset as a plain IOException, so a rule that refuses only the failures it knows (SocketException)"
                + " retries it; allow the one failure you know is worth it instead", reset).isFalse();
    }

    @Test
    @Tag("4.4b")
    void should_not_retry_what_is_not_a_timeout() {
        // GIVEN failures that are not a per-call timeout
        List<IOException> permanent = List.of(
                new SocketException("Connection reset"),
                new SocketException("Broken pipe"),
                new SocketException("Socket is closed"),
                new ConnectException("Connection refused"),
                new IOException("Connection reset by peer"),
                new ClosedChannelException(),
                new AsynchronousCloseException(),
                new ClosedByInterruptException(),
                new InterruptedIOException("interrupted"),
                new EOFException("end of stream inside a frame"),
                new IOException("something nobody planned for"),
                new IOException(new SocketTimeoutException("a timeout, wrapped")),
                new RetriesExhaustedException(7, new SocketTimeoutException("Write timed out")));
        for (IOException failure : permanent) {
            // WHEN classified THEN none is worth another try
            assertThat(Failures.isWorthRetrying(failure)).as("isWorthRetrying(%s%s): only a per-call timeout is;"
                    + " judge the failure itself, not its cause (a wrapped timeout has had its retries)", failure,
                    failure.getCause() == null ? "" : ", caused by " + failure.getCause()).isFalse();
        }
    }
}
