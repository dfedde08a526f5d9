package ch04.ping;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ping command run in this JVM, as a user would run it at a prompt, with its output caught:
 * {@code CommandRun.of(session, "-c", "3", "127.0.0.1:8080")}.
 */
record CommandRun(int status, String out, String err, Hooks hooks) {

    /**
     * How long the Ctrl+C hook may wait for the summary in these runs: far longer than any test
     * may take, so a hook that is not told the summary is out hangs the test instead of passing
     * a moment later.
     */
    static final java.time.Duration CTRL_C_GRACE = java.time.Duration.ofHours(1);

    /** The shutdown hooks the command registered and removed, kept instead of given to the JVM. */
    static final class Hooks implements Ping.ShutdownHooks {
        final List<Thread> added = new ArrayList<>();
        final List<Thread> removed = new ArrayList<>();

        @Override
        public synchronized void add(Thread hook) {
            added.add(hook);
        }

        @Override
        public synchronized void remove(Thread hook) {
            removed.add(hook);
        }
    }

    static CommandRun of(Ping.Session session, String... args) {
        return of(session, new Hooks(), args);
    }

    static CommandRun of(Ping.Session session, Hooks hooks, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Ping.run(args, o, e, session, hooks, CTRL_C_GRACE);
        }
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), hooks);
    }

    /** What the user saw, for a failure message. */
    String transcript() {
        return "exit status " + status + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err + "---";
    }
}
