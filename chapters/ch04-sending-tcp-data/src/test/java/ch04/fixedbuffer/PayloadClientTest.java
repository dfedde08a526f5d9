package ch04.fixedbuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.LoopbackServer;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** 4.1c: {@link PayloadClient}, the client of Listing 4-1; the last test runs it against 4.1b's server, the whole listing. */
@Tag("4.1")
class PayloadClientTest {

    private static final Duration TIMEOUT = LoopbackServer.SOCKET_TIMEOUT;

    @Test
    @Tag("4.1c")
    void should_download_every_byte_and_report_each_reads_size() {
        forAll(Gen.bytes(0, 40_000), Gen.integers(1, 9000)).labels("payload", "bufferSize").tries(25)
                .check((payload, bufferSize) -> {
                    // GIVEN a server that sends the payload and closes
                    try (var server = LoopbackServer.start(c -> c.getOutputStream().write(payload))) {
                        List<Integer> reads = new ArrayList<>();
                        // WHEN the client downloads it through a buffer of bufferSize bytes
                        byte[] got = PayloadClient.download(server.address(), bufferSize, TIMEOUT, reads::add);
                        // THEN it has the payload, and the reported reads add up to it, each fitting the buffer
                        assertThat(got).as("bytes downloaded").isEqualTo(payload);
                        assertThat(reads).as("read sizes passed to onRead, each 1..bufferSize")
                                .allSatisfy(n -> assertThat(n).isBetween(1, bufferSize));
                        assertThat(reads.stream().mapToLong(Integer::longValue).sum())
                                .as("sum of the read sizes passed to onRead").isEqualTo(payload.length);
                    }
                });
    }

    @Test
    @Tag("4.1c")
    void should_close_its_socket_once_the_download_is_done() throws Exception {
        // GIVEN a server that, after sending, waits to see the client hang up
        var clientHungUp = new CompletableFuture<Integer>();
        try (var server = LoopbackServer.start(c -> {
            c.getOutputStream().write(new byte[] {1, 2, 3});
            c.shutdownOutput();
            clientHungUp.complete(c.getInputStream().read());
        })) {
            // WHEN the client downloads
            PayloadClient.download(server.address(), 16, TIMEOUT, n -> { });
            // THEN the server reads EOF: the client closed its socket
            assertThat(clientHungUp.get(3, TimeUnit.SECONDS))
                    .as("what the server read after the download; -1 means the client closed"
                            + " its socket (use try-with-resources)")
                    .isEqualTo(-1);
        }
    }

    @Test
    @Tag("4.1c")
    void should_give_up_with_a_timeout_when_the_server_goes_silent() throws Exception {
        // GIVEN a server that sends one byte and then nothing, without closing
        var release = new CountDownLatch(1);
        try (var server = LoopbackServer.start(c -> {
            c.getOutputStream().write(7);
            release.await(5, TimeUnit.SECONDS);
        })) {
            try {
                long start = System.nanoTime();
                // WHEN the client downloads with a 200 ms timeout
                assertThat(Thrown.by(() -> PayloadClient.download(server.address(), 64, Duration.ofMillis(200), n -> { })))
                        // THEN it fails with a timeout instead of waiting forever
                        .as("a silent server must end the download with SocketTimeoutException;"
                                + " set the socket's read timeout (setSoTimeout) before reading")
                        .isInstanceOf(SocketTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("time taken to give up with a 200 ms timeout").isLessThan(Duration.ofSeconds(3));
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    @Tag("4.1c")
    void should_refuse_a_timeout_under_one_millisecond_which_java_reads_as_wait_forever() throws Exception {
        // GIVEN a server that closes at once, so that even a download that should not start ends quickly
        try (var server = LoopbackServer.start(c -> { })) {
            for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(999_999))) {
                // WHEN the client is given a timeout that is 0 in whole milliseconds
                Throwable thrown = Thrown.by(() -> PayloadClient.download(server.address(), 64, timeout, n -> { }));
                // THEN it refuses it: setSoTimeout(0) and connect(address, 0) mean no timeout at all
                assertThat(thrown)
                        .as("download with a timeout of %s (%d ms): expected an IllegalArgumentException, because"
                                + " Java reads a 0 ms socket timeout as \"wait forever\"; got %s", timeout,
                                timeout.toMillis(), thrown == null ? "a download" : thrown)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    @Tag("4.1c")
    void should_move_the_chapters_16_MiB_through_a_512_KiB_buffer_in_many_reads() throws Exception {
        // GIVEN Listing 4-1's server with a random 16 MiB payload
        byte[] payload = PayloadServerTest.random(PayloadServer.PAYLOAD_SIZE, 4);
        try (var server = PayloadServer.start(payload)) {
            List<Integer> reads = new ArrayList<>();
            // WHEN Listing 4-1's client downloads it through a 512 KiB buffer
            byte[] got = PayloadClient.download(server.address(), PayloadClient.BUFFER_SIZE, TIMEOUT, reads::add);
            // THEN every byte arrived, in at least 32 reads of at most 512 KiB each
            assertThat(got).as("the 16 MiB payload from Listing 4-1's server (4.1b), downloaded").isEqualTo(payload);
            assertThat(reads).as("read sizes; 16 MiB cannot fit in fewer than 32 reads of 512 KiB")
                    .hasSizeGreaterThanOrEqualTo(32)
                    .allSatisfy(n -> assertThat(n).isBetween(1, PayloadClient.BUFFER_SIZE));
        }
    }
}
