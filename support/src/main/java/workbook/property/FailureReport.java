package workbook.property;

import java.util.stream.Collectors;
import workbook.Rerun;
import workbook.Shell;

/**
 * The message of a failed property: what failed, on what, how to see it again.
 *
 * <pre>
 * Property EchoTest#everyByteArrives failed on try 12 of 200, shrunk in 31 steps (409 replays).
 * Counterexample:
 *   payload = byte[2] 00 00
 *   readSizes = [1]
 * Failure: org.opentest4j.AssertionFailedError: expected: 2 but was: 1
 * Seed: 5049390011421006291
 * Replay: ./mvnw test -Dtest='EchoTest#everyByteArrives' -Dproperty.seed=5049390011421006291
 * </pre>
 * On Windows the replay line reads
 * {@code .\mvnw.cmd test "-Dtest=EchoTest#everyByteArrives" "-Dproperty.seed=5049390011421006291"}.
 *
 * <p>The arguments are named by {@code .labels(…)}, else {@code arg 1}, {@code arg 2}, …. The
 * replay command starts with the module's own command ({@link Rerun}) and names the test JUnit
 * ran ({@link TestId}), so it runs that test and nothing else.
 */
final class FailureReport {
    private static final int MAX_FAILURE_LINES = 20;

    private FailureReport() {
    }

    static String message(Spec spec, Result r) {
        Result.Counterexample c = r.counterexample();
        StringBuilder out = new StringBuilder();
        out.append("Property ").append(spec.name).append(" failed on try ").append(r.tries().made());
        if (r.tries().discarded() > 0) {
            out.append(" (").append(r.tries().discarded()).append(" discarded)");
        }
        out.append(", shrunk in ").append(c.shrinking().steps()).append(" steps (").append(c.shrinking().replays()).append(" replays).\n");
        out.append("Counterexample:\n");
        if (c.rendered() == null) {
            out.append("  (the generator itself threw)\n");
        } else {
            for (int i = 0; i < c.rendered().size(); i++) {
                out.append("  ").append(spec.label(i)).append(" = ").append(c.rendered().get(i)).append('\n');
            }
        }
        out.append("Failure: ").append(describe(c.failure())).append('\n');
        if (c.shrinking().stoppedEarly() != null) {
            out.append("Note: ").append(c.shrinking().stoppedEarly()).append('\n');
        }
        if (c.fromStore()) {
            out.append("Note: found by replaying the failure saved in ")
                    .append(Shell.current().path("target/property-failures/")).append("; ")
                    .append("the seed below replays the fresh tries, which may not hit it\n");
        }
        out.append("Seed: ").append(r.seed()).append('\n');
        out.append("Replay: ").append(replay(spec.test, r.seed()));
        return out.toString();
    }

    /**
     * The command that runs the property's test again on the same tries. Where the test is not
     * known for sure (outside JUnit, or without the kit's extension) and the guess is no test,
     * a {@code -Dtest} would select nothing, so the report gives the seed alone.
     */
    static String replay(TestId test, long seed) {
        if (!test.runnable()) {
            return "add -Dproperty.seed=" + seed + " to the command that runs the test that calls this property"
                    + " (" + test.selector() + " is not a test that -Dtest could select)";
        }
        return Rerun.test(test.selector(), "-Dproperty.seed=" + seed);
    }

    private static String describe(Throwable t) {
        // AssertJ messages start with a line break; the report indents them under "Failure:".
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        String text = t.getClass().getName() + (message.isEmpty() ? "" : message.contains("\n") ? ":\n" + message : ": " + message);
        var lines = text.lines().toList();
        String kept = lines.stream().limit(MAX_FAILURE_LINES).collect(Collectors.joining("\n  "));
        return lines.size() > MAX_FAILURE_LINES ? kept + "\n  … (" + (lines.size() - MAX_FAILURE_LINES) + " more lines)" : kept;
    }
}
