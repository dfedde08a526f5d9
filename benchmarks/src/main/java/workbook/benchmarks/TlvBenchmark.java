package workbook.benchmarks;

import ch04.tlv.Binary;
import ch04.tlv.Decoder;
import ch04.tlv.Payload;
import ch04.tlv.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Section 4.3's reference: encoding and decoding one frame, faithful decoder (type byte put back
 * with a {@code SequenceInputStream}) against the refactored one (dispatch on the byte held), for
 * a small (16 B) and a large (1 MiB) value of each type. In memory, so the numbers are the code's,
 * not the network's.
 *
 * <p>Each operation is one frame: operations per second are frames per second, and
 * {@code ops/s * (size + 5) / 1e6} is MB/s. Compare the decoders within one run: the refactored
 * one, the same before exercise 4.3g ({@link ChunkedDecoder}), and the faithful one.
 * {@code benchmarks/compare-with-go.sh} runs the decoders beside a Go decoder in the chapter's
 * shape ({@code benchmarks/go}) and prints Java's speed divided by Go's.
 *
 * <pre>
 * ./mvnw -q -Pbench package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar TlvBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The settings and why: benchmarks/README.md, "Settings". Change them there and here together.
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:G1HeapRegionSize=4m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TlvBenchmark {

    /** The value's size in bytes: 16 B and 1 MiB. */
    @Param({"16", "1048576"})
    public int size;

    /** binary or string. */
    @Param({"binary", "string"})
    public String type;

    private byte[] frame;
    private Payload payload;
    private ByteArrayOutputStream out;

    @Setup
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] value = new byte[size];
        if (type.equals("binary")) {
            random.nextBytes(value);
            payload = new Binary(value);
        } else {
            for (int i = 0; i < size; i++) {
                value[i] = (byte) ('a' + random.nextInt(26));
            }
            String text = new String(value, java.nio.charset.StandardCharsets.US_ASCII);
            payload = new Text(text);
        }
        out = new ByteArrayOutputStream(size + 5);
        payload.writeTo(out);
        frame = out.toByteArray();
    }

    @Benchmark
    public Payload decodeRefactored() throws IOException {
        return Decoder.decode(new ByteArrayInputStream(frame));
    }

    /** The refactored decoder before exercise 4.3g: the baseline that 4.3g is measured against. */
    @Benchmark
    public Payload decodeChunked() throws IOException {
        return ChunkedDecoder.decode(new ByteArrayInputStream(frame));
    }

    @Benchmark
    public Payload decodeFaithful() throws IOException {
        return ch04.tlv.faithful.Decoder.decode(new ByteArrayInputStream(frame));
    }

    /** Both designs write with the same payloads, so there is one encoder to measure. */
    @Benchmark
    public int encode() throws IOException {
        out.reset();
        payload.writeTo(out);
        return out.size();
    }
}
