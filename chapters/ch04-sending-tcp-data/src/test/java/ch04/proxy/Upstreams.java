package ch04.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import workbook.fixtures.LoopbackServer;

/** The upstream servers the proxy's tests put behind it, as {@link LoopbackServer} handlers. */
final class Upstreams {

    /** Listing 4-18's messages, in the order the client sends them. */
    static final List<String> CHAPTER_MESSAGES = List.of("ping", "pong", "echo", "ping");

    /** What Listing 4-18's client expects back, message by message. */
    static final List<String> CHAPTER_REPLIES = List.of("pong", "pong", "echo", "pong");

    private Upstreams() {
    }

    /**
     * Listing 4-16's upstream: answers "ping" with "pong" and echoes any other message, until the
     * end of the stream. The chapter's messages are all four bytes long, so each is read whole
     * (the listing takes one read for one message, which only works in lock step).
     */
    static LoopbackServer.Handler pingPong() {
        return connection -> {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            for (byte[] message; (message = in.readNBytes(4)).length == 4; ) {
                String text = new String(message, StandardCharsets.UTF_8);
                out.write((text.equals("ping") ? "pong" : text).getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Sends back every byte it receives, until the end of the stream; then the server closes. */
    static LoopbackServer.Handler echo() {
        return connection -> connection.getInputStream().transferTo(connection.getOutputStream());
    }

    /** The answer {@link #readToEndThenAnswer()} gives to a request of {@code byteCount} bytes. */
    static String answerTo(int byteCount) {
        return "got " + byteCount + " bytes";
    }

    /**
     * A protocol that needs the half-close: reads the whole request, up to its end of stream, and
     * only then answers with {@link #answerTo} its size.
     */
    static LoopbackServer.Handler readToEndThenAnswer() {
        return connection -> {
            byte[] request = connection.getInputStream().readAllBytes();
            connection.getOutputStream().write(answerTo(request.length).getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * Speaks first and alone: sends {@code greeting}, half-closes, then reads the client's request
     * to its end and completes {@code request} with it (as UTF-8).
     */
    static LoopbackServer.Handler greetThenListen(String greeting, CompletableFuture<String> request) {
        return connection -> {
            connection.getOutputStream().write(greeting.getBytes(StandardCharsets.UTF_8));
            connection.shutdownOutput();
            request.complete(new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        };
    }

    /**
     * Reads until its connection ends and completes {@code ended} with how: {@code "end of stream"},
     * or the exception's class and message (a reset, a timeout after {@link Peers#PATIENCE}).
     */
    static LoopbackServer.Handler readUntilTheConnectionEnds(CompletableFuture<String> ended) {
        return connection -> {
            connection.setSoTimeout(Peers.PATIENCE_MILLIS);
            ended.complete(howItEnds(connection));
        };
    }

    private static String howItEnds(Socket connection) {
        try {
            connection.getInputStream().transferTo(OutputStream.nullOutputStream());
            return "end of stream";
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
