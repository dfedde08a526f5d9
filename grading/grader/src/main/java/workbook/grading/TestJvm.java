package workbook.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One test JVM for one student: started, watched and, when it must be, killed. It reads the events
 * file as the JVM writes it, so it knows which test is running, and it stops the JVM (and every
 * process the JVM started) when one test has run for longer than the stall limit or the student's
 * time is up. Whatever the JVM wrote before it ended stays valid.
 */
final class TestJvm {

    /** How one JVM ended. */
    enum End {
        /** Every test that was to run has ended. */
        DONE,
        /** A test timed out; the JVM ended itself so that the rest runs in a fresh one. */
        RESTART,
        /** The JVM died on its own (System.exit, Runtime.halt, a crash). */
        DIED,
        /** One test ran past the stall limit: the grader killed the JVM. */
        STALLED,
        /** The student's time ran out: the grader killed the JVM. */
        OUT_OF_TIME,
        /** The run could not start (a broken class path, no tests). */
        BROKEN
    }

    /** What one JVM did: how it ended, its exit status, the events it wrote, the test running when it ended. */
    record Run(End end, int exitStatus, List<Events.Event> events, Events.Event culprit) {
    }

    /** The longest output of the student's code kept per student; the rest is counted, not kept. */
    static final long OUTPUT_LIMIT = 1 << 20;

    private TestJvm() {
    }

    /**
     * Runs one JVM.
     *
     * @param command the whole command line
     * @param deadline when the student's time is up ({@link System#nanoTime})
     * @param stall how long one test may run before the grader stops the JVM
     */
    static Run run(List<String> command, Path workingDirectory, Path events, Path output, long deadline, Duration stall)
            throws IOException, InterruptedException {
        Files.createDirectories(workingDirectory);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Thread pump = Thread.ofVirtual().start(() -> pump(process.getInputStream(), output));
        Set<ProcessHandle> seen = new HashSet<>();
        List<Events.Event> read = new ArrayList<>();
        Map<String, Events.Event> running = new LinkedHashMap<>();
        long[] offset = {0};
        StringBuilder partial = new StringBuilder();
        long runningSince = System.nanoTime();
        End end = null;
        while (true) {
            boolean exited = process.waitFor(100, TimeUnit.MILLISECONDS);
            process.descendants().forEach(seen::add);
            int before = read.size();
            readNew(events, offset, partial, read);
            if (read.size() > before) {
                track(read.subList(before, read.size()), running);
                runningSince = System.nanoTime(); // the stall limit counts from the last event
            }
            if (exited) {
                break;
            }
            long now = System.nanoTime();
            if (now - deadline > 0) {
                end = End.OUT_OF_TIME;
            } else if (!running.isEmpty() && now - runningSince > stall.toNanos()) {
                end = End.STALLED;
            }
            if (end != null) {
                kill(process, seen);
                break;
            }
        }
        process.waitFor();
        kill(process, seen); // what it started and left behind
        pump.join(5_000);
        int before = read.size();
        readNew(events, offset, partial, read);
        track(read.subList(before, read.size()), running);
        int status = process.exitValue();
        boolean done = read.stream().anyMatch(e -> e.kind().equals(Events.DONE));
        if (end == null) {
            end = done ? End.DONE : status == TestRun.RESTART_AFTER_TIMEOUT ? End.RESTART
                    : status == TestRun.BROKEN ? End.BROKEN : End.DIED;
        }
        // The innermost of what was running: a test if one was, else its class.
        Events.Event culprit = running.values().stream().reduce((a, b) -> b).orElse(null);
        return new Run(end, status, List.copyOf(read), culprit);
    }

    private static void track(List<Events.Event> events, Map<String, Events.Event> running) {
        for (Events.Event e : events) {
            if (e.kind().equals(Events.STARTED)) {
                running.put(e.uid(), e);
            } else if (e.kind().equals(Events.FINISHED)) {
                running.remove(e.uid());
            }
        }
    }

    private static void kill(Process process, Set<ProcessHandle> seen) {
        process.descendants().forEach(seen::add);
        seen.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the complete lines written since {@code offset}. */
    private static void readNew(Path events, long[] offset, StringBuilder partial, List<Events.Event> into) throws IOException {
        if (!Files.isRegularFile(events)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(events.toFile(), "r")) {
            long length = file.length();
            if (length <= offset[0]) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset[0], Integer.MAX_VALUE - 8)];
            file.seek(offset[0]);
            file.readFully(bytes);
            // Only whole lines: a line the JVM is still writing waits for the next read.
            int lastBreak = -1;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    lastBreak = i;
                    break;
                }
            }
            if (lastBreak < 0) {
                return;
            }
            offset[0] += lastBreak + 1;
            partial.append(new String(bytes, 0, lastBreak, StandardCharsets.UTF_8));
            for (String line : partial.toString().split("\n", -1)) {
                Events.Event e = Events.parse(line);
                if (e != null) {
                    into.add(e);
                }
            }
            partial.setLength(0);
        }
    }

    /** Copies the JVM's output to {@code output}, at most {@link #OUTPUT_LIMIT} bytes of it. */
    private static void pump(InputStream in, Path output) {
        try (in; OutputStream out = Files.newOutputStream(output, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            byte[] buffer = new byte[8192];
            long kept = Files.size(output);
            long dropped = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                int keep = (int) Math.max(0, Math.min(n, OUTPUT_LIMIT - kept));
                out.write(buffer, 0, keep);
                kept += keep;
                dropped += n - keep;
            }
            if (dropped > 0) {
                out.write(("\n[grader: " + dropped + " more bytes of output were dropped]\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the output is for reading only; the events decide the grade
        }
    }
}
