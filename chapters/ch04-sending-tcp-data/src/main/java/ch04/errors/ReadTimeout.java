package ch04.errors;

import java.io.IOException;

/**
 * Sets the timeout of the next blocking read on a connection: {@code socket::setSoTimeout} for a
 * {@link java.net.Socket}, a recording fake in a test.
 */
@FunctionalInterface
public interface ReadTimeout {

    /**
     * Makes each later read wait at most {@code millis} ms, as {@link java.net.Socket#setSoTimeout}
     * does. {@code 0} means "wait forever", so a caller with a deadline never passes it.
     *
     * @throws IOException if the connection refuses the option (a closed socket)
     */
    void set(int millis) throws IOException;
}
