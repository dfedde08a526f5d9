package ch04.scanner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;

/** 4.2c: {@link SentenceClient}, the client of Listing 4-2, over real loopback sockets. */
@Tag("4.2")
class SentenceClientTest {

    private static final Duration TIMEOUT = LoopbackServer.SOCKET_TIMEOUT;

    @Test
    @Tag("4.2c")
    void should_split_the_chapters_sentence_received_over_a_socket() throws Exception {
        // GIVEN Listing 4-2's server, which writes the sentence and closes
        try (var server = LoopbackServer.start(c -> c.getOutputStream().write(SentenceClient.SENTENCE.getBytes(UTF_8)))) {
            // WHEN the client reads its words
            var words = SentenceClient.words(server.address(), TIMEOUT);
            // THEN they are the chapter's, punctuation included
            assertThat(words).as("words received from the chapter's server")
                    .containsExactly("The", "bigger", "the", "interface,", "the", "weaker", "the", "abstraction.");
        }
    }

    @Test
    @Tag("4.2c")
    void should_get_the_same_words_when_the_server_sends_a_byte_at_a_time() throws Exception {
        // GIVEN a server that sends a sentence with multi-byte spaces one byte per write
        String sentence = "Clear\u3000is better\u00A0than  clever.\n";
        try (var server = LoopbackServer.start(c -> {
            var out = c.getOutputStream();
            for (byte b : sentence.getBytes(UTF_8)) {
                out.write(b);
                out.flush();
            }
        })) {
            // WHEN the client reads its words
            var words = SentenceClient.words(server.address(), TIMEOUT);
            // THEN spaces cut between writes still separate the words
            assertThat(words).as("words of a sentence sent one byte per write")
                    .containsExactly("Clear", "is", "better", "than", "clever.");
        }
    }

    @Test
    @Tag("4.2c")
    void should_close_its_socket_when_done() throws Exception {
        var clientHungUp = new CompletableFuture<Integer>();
        try (var server = LoopbackServer.start(c -> {
            c.getOutputStream().write("one two".getBytes(UTF_8));
            c.shutdownOutput();
            clientHungUp.complete(c.getInputStream().read());
        })) {
            SentenceClient.words(server.address(), TIMEOUT);
            assertThat(clientHungUp.get(3, TimeUnit.SECONDS))
                    .as("what the server read after the client finished; -1 means the client"
                            + " closed its socket (use try-with-resources)")
                    .isEqualTo(-1);
        }
    }

    @Test
    @Tag("4.2c")
    void should_refuse_a_timeout_under_one_millisecond_which_java_reads_as_wait_forever() throws Exception {
        // GIVEN a server that closes at once, so that even a client that should not start ends quickly
        try (var server = LoopbackServer.start(c -> { })) {
            for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(999_999))) {
                // WHEN the client is given a timeout that is 0 in whole milliseconds
                Throwable thrown = Thrown.by(() -> SentenceClient.words(server.address(), timeout));
                // THEN it refuses it: setSoTimeout(0) and connect(address, 0) mean no timeout at all
                assertThat(thrown)
                        .as("words with a timeout of %s (%d ms): expected an IllegalArgumentException, because"
                                + " Java reads a 0 ms socket timeout as \"wait forever\"; got %s", timeout,
                                timeout.toMillis(), thrown == null ? "a list of words" : thrown)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    @Tag("4.2c")
    void should_time_out_when_the_server_stops_mid_word() throws Exception {
        // GIVEN a server that sends half a word and then nothing, without closing
        var release = new CountDownLatch(1);
        try (var server = LoopbackServer.start(c -> {
            c.getOutputStream().write("half".getBytes(UTF_8));
            release.await(5, TimeUnit.SECONDS);
        })) {
            try {
                // WHEN the client waits for words with a 200 ms timeout
                Throwable thrown = Thrown.by(() -> SentenceClient.words(server.address(), Duration.ofMillis(200)));
                // THEN it gives up with a timeout
                assertThat(thrown).as("a server silent in the middle of a word; set the read"
                        + " timeout before reading").isInstanceOf(SocketTimeoutException.class);
            } finally {
                release.countDown();
            }
        }
    }
}
