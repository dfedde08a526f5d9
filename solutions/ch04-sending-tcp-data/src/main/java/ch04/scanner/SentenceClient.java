package ch04.scanner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
// SOLUTION 4.2c
import java.net.Socket;
import java.util.ArrayList;
// SKELETON
// import workbook.NotStartedException;
// END 4.2c

/** Listing 4-2's client: it receives a sentence over TCP and splits it into words. */
public final class SentenceClient {

    /** The sentence the chapter's server sends. */
    public static final String SENTENCE = "The bigger the interface, the weaker the abstraction.";

    private SentenceClient() {
    }

    /**
     * Connects to {@code server}, reads until the server closes the connection and returns the
     * words received, in order, split by {@link WordScanner} (punctuation stays on its word).
     *
     * <p>Blocks until the stream ends. {@code timeout} bounds the connect and each single read. The
     * socket is closed before this returns or throws.
     *
     * @param server  where to connect
     * @param timeout the connect timeout and the timeout of each read, positive
     * @return the words, possibly none
     * @throws java.net.SocketTimeoutException if connecting or one read takes longer than {@code timeout}
     * @throws TokenTooLongException           if a word is longer than {@link WordScanner#MAX_TOKEN_BYTES}
     * @throws IOException                     if connecting or reading fails, or the bytes are not UTF-8
     */
    public static List<String> words(InetSocketAddress server, Duration timeout) throws IOException {
        // SOLUTION 4.2c
        int millis = Math.toIntExact(timeout.toMillis());
        if (millis <= 0) {
            throw new IllegalArgumentException("timeout " + timeout + ": must be at least 1 ms");
        }
        try (var socket = new Socket()) {
            socket.setSoTimeout(millis);
            socket.connect(server, millis);
            var scanner = new WordScanner(socket.getInputStream());
            var words = new ArrayList<String>();
            for (String word; (word = scanner.nextWord()) != null; ) {
                words.add(word);
            }
            return words;
        }
        // END 4.2c
    }
}
