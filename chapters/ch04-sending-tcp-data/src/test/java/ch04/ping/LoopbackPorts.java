package ch04.ping;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loopback addresses that refuse, or never answer, a connect: for the ping's real-socket tests. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * A port that refuses every connect: a socket is bound to it but does not listen, so the kernel
     * answers a SYN with RST. While this is open no one else can bind the port, so unlike a port
     * that was closed a moment ago, it cannot be taken by another test in between.
     */
    static final class Refusing implements AutoCloseable {
        private final Socket bound;

        Refusing() throws IOException {
            bound = new Socket();
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        InetSocketAddress address() {
            return (InetSocketAddress) bound.getLocalSocketAddress();
        }

        @Override
        public void close() throws IOException {
            bound.close();
        }
    }

    /**
     * A listener that never accepts and whose accept queue is full, so Linux drops every new SYN
     * and a connect to it waits for its timeout: a host that never answers, on loopback.
     *
     * <p>It connects fillers until the kernel says the queue is full: for a listening socket,
     * {@code /proc/net/tcp} and {@code tcp6} show the queue's length as {@code rx_queue}, and
     * Linux drops SYNs once that length is over the backlog. A filler that merely times out proves
     * nothing on a loaded machine, where a handshake can take longer than any short timeout.
     */
    static final class Silent implements AutoCloseable {

        private static final int BACKLOG = 1;
        private static final int FILL_TIMEOUT_MILLIS = 3000;
        private static final int MAX_FILLERS = 8;

        private final ServerSocket listener;
        private final List<Socket> fillers = new ArrayList<>();

        Silent() throws IOException {
            listener = new ServerSocket();
            try {
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
                while (!acceptQueueFull(listener.getLocalPort())) {
                    if (fillers.size() == MAX_FILLERS) {
                        throw new IllegalStateException(MAX_FILLERS + " connections wait in the accept queue of a"
                                + " listener with a backlog of " + BACKLOG + ", and /proc/net/tcp still does not"
                                + " show it full");
                    }
                    var filler = new Socket();
                    fillers.add(filler);
                    filler.connect(listener.getLocalSocketAddress(), FILL_TIMEOUT_MILLIS);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Whether the accept queue of the listener on {@code port} is over the backlog. */
        private static boolean acceptQueueFull(int port) throws IOException {
            String local = String.format(":%04X", port);
            // Java opens an IPv6 socket where it can, even for 127.0.0.1: then the listener is in tcp6.
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                    // sl local_address rem_address st tx_queue:rx_queue ...; st 0A is LISTEN
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 4 && f[1].endsWith(local) && f[3].equals("0A")) {
                        return Long.parseLong(f[4].split(":")[1], 16) > BACKLOG;
                    }
                }
            }
            throw new IllegalStateException("no listener on port " + port + " in /proc/net/tcp or tcp6");
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        @Override
        public void close() throws IOException {
            for (Socket filler : fillers) {
                filler.close();
            }
            listener.close();
        }
    }
}
