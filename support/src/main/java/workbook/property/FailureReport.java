package workbook.property;

import java.util.stream.Collectors;
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
 * <p>The arguments are named by {@code .labels(…)}, else {@code arg 1}, {@code arg 2}, ….
 */
final class FailureReport {
    private static final int MAX_FAILURE_LINES = 20;

    private FailureReport() {
    }

    static String message(Result r) {
        StringBuilder out = new StringBuilder();
        out.append("Property ").append(r.name()).append(" failed on try ").append(r.tries());
        if (r.discarded() > 0) {
            out.append(" (").append(r.discarded()).append(" discarded)");
        }
        out.append(", shrunk in ").append(r.shrinkSteps()).append(" steps (").append(r.shrinkReplays()).append(" replays).\n");
        out.append("Counterexample:\n");
        if (r.rendered() == null) {
            out.append("  (the generator itself threw)\n");
        } else {
            for (int i = 0; i < r.rendered().size(); i++) {
                out.append("  ").append(Spec.label(r.labels(), i)).append(" = ").append(r.rendered().get(i)).append('\n');
            }
        }
        out.append("Failure: ").append(describe(r.failure())).append('\n');
        if (r.shrinkNote() != null) {
            out.append("Note: ").append(r.shrinkNote()).append('\n');
        }
        if (r.fromStore()) {
            out.append("Note: found by replaying the failure saved in ")
                    .append(Shell.current().path("target/property-failures/")).append("; ")
                    .append("the seed below replays the fresh tries, which may not hit it\n");
        }
        out.append("Seed: ").append(r.seed()).append('\n');
        out.append("Replay: ").append(Shell.current().command(
                Settings.replayPrefix() + " -Dtest='" + r.testId() + "' -Dproperty.seed=" + r.seed()));
        return out.toString();
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
