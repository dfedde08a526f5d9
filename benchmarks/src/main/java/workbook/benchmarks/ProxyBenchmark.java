package workbook.benchmarks;

import ch04.proxy.Proxy;
import ch04.proxy.ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Section 4.5's reference proxy against a direct connection, over loopback, for large transfers,
 * measured side by side.
 *
 * <p>One operation sends {@link #TRANSFER} bytes (64 MiB) twice, each time to a sink that reads
 * them and answers one byte: first straight to the sink, then through a proxy in front of it. Each
 * half is timed, and the two auxiliary counters add the seconds up over an iteration:
 * {@code directSeconds} and {@code proxiedSeconds}. The same bytes took that long each way, so
 * {@code directSeconds / proxiedSeconds} is the proxy's throughput as a share of direct loopback,
 * measured under the same load, a few milliseconds apart (a machine shared with other work changes
 * speed between benchmarks, not within one operation). The client and the sink are the same in
 * both halves (a {@code SocketChannel} and a direct buffer each), so only the middle differs:
 * <ul>
 *   <li>{@code reference}: {@link ProxyServer}, whose {@link Proxy#forward} copies through a
 *       direct buffer of {@link Proxy#BUFFER_SIZE} bytes between the sockets' channels;</li>
 *   <li>{@code transferTo}: {@code in.transferTo(out)} on the sockets' streams, the plain
 *       Java port of {@code io.Copy} (a 16 KiB {@code byte[]} inside the JDK);</li>
 *   <li>{@code heapArray}: a {@code byte[]} of {@link Proxy#BUFFER_SIZE} bytes on the streams;</li>
 *   <li>{@code heapBuffer}: a heap {@code ByteBuffer} of {@link Proxy#BUFFER_SIZE} bytes on the
 *       channels, which the JDK copies through a temporary direct buffer on every call.</li>
 * </ul>
 * Each proxy runs one virtual thread per direction and passes the end on as a half-close. The
 * connections live for the whole trial. {@code directCpuSeconds} and {@code proxiedCpuSeconds} add
 * up the process's CPU time in each half the same way: their ratio is what the proxy costs per
 * byte against a direct connection, which the machine's other work hardly changes.
 * {@link ProxyRatios} turns the JSON results into ratios with confidence intervals.
 *
 * <pre>
 * mvn -q -Pbench package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar ProxyBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProxyBenchmark {

    /** Bytes per half of an operation: 64 MiB, large enough that the answer's round trip vanishes. */
    public static final int TRANSFER = 64 << 20;

    /** What stands between the client and the sink in the proxied half. */
    @Param({"reference", "transferTo", "heapArray", "heapBuffer"})
    public String proxy;

    /**
     * The seconds each half took, added up over an iteration: on the clock, and in CPU time of the
     * whole process (client, proxy and sink all run in it, and the kernel's work for a socket call
     * counts as the caller's). CPU seconds per byte hardly change with what else the machine runs,
     * where the clock's seconds do.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Seconds {
        public double directSeconds;
        public double proxiedSeconds;
        public double directCpuSeconds;
        public double proxiedCpuSeconds;

        @Setup(Level.Iteration)
        public void reset() {
            directSeconds = 0;
            proxiedSeconds = 0;
            directCpuSeconds = 0;
            proxiedCpuSeconds = 0;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ServerSocketChannel sink;
    private Thread sinkThread;
    private AutoCloseable server;
    private SocketChannel direct;
    private SocketChannel proxied;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
    private final ByteBuffer answer = ByteBuffer.allocateDirect(1);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        sink = ServerSocketChannel.open();
        sink.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sinkThread = Thread.ofPlatform().daemon().name("sink").start(this::acceptLoop);
        InetSocketAddress sinkAddress = (InetSocketAddress) sink.getLocalAddress();
        InetSocketAddress front;
        if (proxy.equals("reference")) {
            ProxyServer reference = ProxyServer.start(sinkAddress);
            server = reference;
            front = reference.address();
        } else {
            VariantProxy variant = new VariantProxy(sinkAddress, copier(proxy));
            server = variant;
            front = variant.address();
        }
        direct = SocketChannel.open(sinkAddress);
        proxied = SocketChannel.open(front);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        direct.close();
        proxied.close();
        server.close();
        sink.close();
        sinkThread.join(5_000);
    }

    /** 64 MiB straight to the sink, then 64 MiB through the proxy, each half timed. */
    @Benchmark
    public int directThenProxied(Seconds seconds) throws IOException {
        long cpuStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        int a = send(direct);
        long middle = System.nanoTime();
        long cpuMiddle = OS.getProcessCpuTime();
        int b = send(proxied);
        long end = System.nanoTime();
        long cpuEnd = OS.getProcessCpuTime();
        seconds.directSeconds += (middle - start) / 1e9;
        seconds.proxiedSeconds += (end - middle) / 1e9;
        seconds.directCpuSeconds += (cpuMiddle - cpuStart) / 1e9;
        seconds.proxiedCpuSeconds += (cpuEnd - cpuMiddle) / 1e9;
        return a + b;
    }

    /** Sends 64 MiB and waits for the sink's one-byte answer that it has read them all. */
    private int send(SocketChannel client) throws IOException {
        for (long left = TRANSFER; left > 0; ) {
            chunk.clear();
            if (left < chunk.capacity()) {
                chunk.limit((int) left);
            }
            while (chunk.hasRemaining()) {
                left -= client.write(chunk);
            }
        }
        answer.clear();
        if (client.read(answer) != 1) {
            throw new IOException("the sink closed instead of answering");
        }
        return answer.get(0);
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel connection = sink.accept();
                Thread.ofPlatform().daemon().name("sink-reader").start(() -> drain(connection));
            }
        } catch (IOException closed) {
            // the trial is over
        }
    }

    private static void drain(SocketChannel connection) {
        try (connection) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            ByteBuffer ack = ByteBuffer.allocateDirect(1);
            long received = 0;
            for (int n; (n = connection.read(buffer)) != -1; ) {
                buffer.clear();
                received += n;
                if (received >= TRANSFER) {
                    received -= TRANSFER;
                    ack.clear();
                    connection.write(ack);
                }
            }
        } catch (IOException closed) {
            // the trial is over
        }
    }

    /** One direction's copy, as each variant does it. */
    @FunctionalInterface
    interface Copier {
        void copy(SocketChannel from, SocketChannel to) throws IOException;
    }

    static Copier copier(String path) {
        return switch (path) {
            case "transferTo" -> (from, to) -> from.socket().getInputStream().transferTo(to.socket().getOutputStream());
            case "heapArray" -> (from, to) -> {
                InputStream in = from.socket().getInputStream();
                OutputStream out = to.socket().getOutputStream();
                byte[] buffer = new byte[Proxy.BUFFER_SIZE];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                }
            };
            case "heapBuffer" -> (from, to) -> {
                ByteBuffer buffer = ByteBuffer.allocate(Proxy.BUFFER_SIZE);
                while (from.read(buffer) != -1) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            };
            default -> throw new IllegalArgumentException("no such path: " + path);
        };
    }

    /** A one-upstream proxy like the reference, with another copy loop: one virtual thread per direction. */
    static final class VariantProxy implements AutoCloseable {
        private final ServerSocketChannel listener;
        private final Thread acceptor;

        VariantProxy(InetSocketAddress upstream, Copier copier) throws IOException {
            listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        SocketChannel client = listener.accept();
                        Thread.ofVirtual().start(() -> session(client, upstream, copier));
                    }
                } catch (IOException closed) {
                    // close() ends the accept loop
                }
            });
        }

        private static void session(SocketChannel client, InetSocketAddress upstream, Copier copier) {
            try (client; SocketChannel server = SocketChannel.open(upstream)) {
                Thread back = Thread.ofVirtual().start(() -> direction(server, client, copier));
                direction(client, server, copier);
                back.join();
            } catch (IOException | InterruptedException e) {
                // the trial is over
            }
        }

        private static void direction(SocketChannel from, SocketChannel to, Copier copier) {
            try {
                copier.copy(from, to);
                to.shutdownOutput();
            } catch (IOException e) {
                // the trial is over
            }
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) listener.getLocalAddress();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            acceptor.join(5_000);
        }
    }
}
