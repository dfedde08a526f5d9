package workbook.benchmarks;

import ch04.monitor.Monitor;
import ch04.monitor.MonitoredEcho;
import ch04.monitor.MultiOutputStream;
import ch04.monitor.TeeInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Section 4.6's reference: what a monitor costs. One operation moves 1 MiB, so ops/s is MiB/s.
 * Compare each monitored figure with the plain one of the same run and the same data.
 *
 * <ul>
 *   <li>In memory (no network, so the numbers are the code's): a copy loop through an 8 KiB
 *       buffer from a {@code ByteArrayInputStream} to {@code OutputStream.nullOutputStream()},
 *       plain; through a {@link TeeInputStream} whose branch discards; through a tee whose branch is
 *       a {@link Monitor} (logging to a discarding log); and the echo's path, a tee to
 *       {@code monitor.in()} and a {@link MultiOutputStream} to the sink and {@code monitor.out()}.
 *       {@code data}: {@code text} is lines of 79 letters and a newline, {@code binary} random
 *       bytes (a newline every 256 bytes on average).</li>
 *   <li>Over loopback: 1 MiB sent to an echo and read back through one connection, the echo being
 *       either a plain read-and-write loop with {@link MonitoredEcho#BUFFER_SIZE} bytes or
 *       {@link MonitoredEcho#serve} with the two views of a monitor on a discarding log.</li>
 * </ul>
 *
 * <pre>
 * mvn -q -Pbench package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar MonitorBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MonitorBenchmark {

    /** The bytes one operation moves: 1 MiB. */
    static final int PAYLOAD_SIZE = 1 << 20;

    /** The copy loop's buffer in memory. */
    static final int COPY_BUFFER_SIZE = 8192;

    static byte[] payload(String kind) {
        var random = new SplittableRandom(46);
        byte[] data = new byte[PAYLOAD_SIZE];
        if (kind.equals("binary")) {
            random.nextBytes(data);
            return data;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = i % 80 == 79 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        return data;
    }

    /** A monitor on a log that discards everything: the monitor's own cost, without the log's. */
    static Monitor quietMonitor() {
        return new Monitor(OutputStream.nullOutputStream(), Monitor.PREFIX, failure -> {
            throw new IllegalStateException("a discarding log cannot fail", failure);
        });
    }

    static long copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        long total = 0;
        for (int n; (n = in.read(buffer, 0, buffer.length)) != -1; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** The in-memory benchmarks' data and buffer. */
    @State(Scope.Thread)
    public static class InMemory {

        /** text or binary. */
        @Param({"text", "binary"})
        public String data;

        byte[] payload;
        byte[] buffer;

        @Setup
        public void setUp() {
            payload = payload(data);
            buffer = new byte[COPY_BUFFER_SIZE];
        }
    }

    @Benchmark
    public long copyPlain(InMemory s) throws IOException {
        return copy(new ByteArrayInputStream(s.payload), OutputStream.nullOutputStream(), s.buffer);
    }

    @Benchmark
    public long copyTeeToNothing(InMemory s) throws IOException {
        var in = new TeeInputStream(new ByteArrayInputStream(s.payload), OutputStream.nullOutputStream());
        return copy(in, OutputStream.nullOutputStream(), s.buffer);
    }

    @Benchmark
    public long copyTeeToMonitor(InMemory s) throws IOException {
        var in = new TeeInputStream(new ByteArrayInputStream(s.payload), quietMonitor());
        return copy(in, OutputStream.nullOutputStream(), s.buffer);
    }

    @Benchmark
    public long copyMonitoredBothWays(InMemory s) throws IOException {
        Monitor monitor = quietMonitor();
        var in = new TeeInputStream(new ByteArrayInputStream(s.payload), monitor.in());
        var out = new MultiOutputStream(OutputStream.nullOutputStream(), monitor.out());
        return copy(in, out, s.buffer);
    }

    /** One connection to an echo on 127.0.0.1, plain or monitored, for the whole trial. */
    @State(Scope.Benchmark)
    public static class Loopback {

        /** plain: a read-and-write loop; monitored: MonitoredEcho.serve with a monitor's two views. */
        @Param({"plain", "monitored"})
        public String echo;

        byte[] payload;
        byte[] received;
        ServerSocket listener;
        Socket client;
        Thread server;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            payload = payload("text");
            received = new byte[PAYLOAD_SIZE];
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server = Thread.ofPlatform().name("echo-" + echo).start(this::serveOne);
            client = new Socket();
            client.setSoTimeout(10_000);
            client.setTcpNoDelay(true);
            client.connect(listener.getLocalSocketAddress(), 10_000);
        }

        private void serveOne() {
            try (Socket connection = listener.accept()) {
                // Go's sockets have Nagle's algorithm off; without that, the echo's 1 KiB writes
                // wait for the client's delayed acknowledgements and both echoes crawl alike.
                connection.setTcpNoDelay(true);
                if (echo.equals("monitored")) {
                    Monitor monitor = quietMonitor();
                    MonitoredEcho.serve(connection, monitor.in(), monitor.out());
                } else {
                    byte[] buffer = new byte[MonitoredEcho.BUFFER_SIZE];
                    copy(connection.getInputStream(), connection.getOutputStream(), buffer);
                }
            } catch (IOException e) {
                throw new IllegalStateException("the " + echo + " echo failed", e);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            client.shutdownOutput();
            server.join(10_000);
            client.close();
            listener.close();
        }
    }

    @Benchmark
    public int echoOverLoopback(Loopback s) throws Exception {
        // The write goes on its own thread: 1 MiB does not fit in the socket buffers, so one
        // thread that wrote it all before reading would wait for the echo forever.
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                s.client.getOutputStream().write(s.payload);
            } catch (IOException e) {
                throw new IllegalStateException("sending to the echo failed", e);
            }
        });
        int n = s.client.getInputStream().readNBytes(s.received, 0, PAYLOAD_SIZE);
        writer.join();
        if (n != PAYLOAD_SIZE) {
            throw new IllegalStateException("the echo sent back " + n + " of " + PAYLOAD_SIZE + " bytes");
        }
        return n;
    }
}
