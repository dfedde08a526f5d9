package workbook.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import workbook.Rerun;

/**
 * Collects how each exercise's tests ended and, when the run is over, prints the progress table
 * with the next exercise to do, and writes it (Markdown) and the raw results (TSV) next to
 * Surefire's reports. Registered for every JUnit Platform run through {@code META-INF/services};
 * it stays silent where there is no catalogue on the class path.
 */
public final class ProgressListener implements TestExecutionListener {

    /** The file with one line per test, read by the instructor's checks. */
    public static final String RESULTS_FILE = "workbook-results.tsv";
    /** The progress table in Markdown; the grader's score table. */
    public static final String TABLE_FILE = "workbook-progress.md";

    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    private final PrintStream console = System.out;
    private Catalogue catalogue;

    /** How one test ended. */
    record Result(String test, String exercise, Outcome outcome, String detail, String stub) {

        Result(String test, String exercise, Outcome outcome, String detail) {
            this(test, exercise, outcome, detail, "");
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        catalogue = Catalogue.load().orElse(null);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (catalogue != null && test.isTest()) {
            record(test, Outcome.SKIPPED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (catalogue == null) {
            return;
        }
        Throwable thrown = result.getThrowable().orElse(null);
        String detail = thrown == null || thrown.getMessage() == null ? "" : thrown.getMessage();
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.PASSED;
            case FAILED -> Outcome.FAILED;
            case ABORTED -> thrown instanceof NotStartedAbort ? Outcome.NOT_STARTED : Outcome.SKIPPED;
        };
        if (test.isTest() || outcome == Outcome.FAILED) {
            // A failing container (a @BeforeAll, a class that cannot load) counts against its tests.
            record(test, outcome, detail, thrown instanceof NotStartedAbort n ? n.exerciseId() : "");
        }
    }

    private void record(TestIdentifier test, Outcome outcome, String detail) {
        record(test, outcome, detail, "");
    }

    private void record(TestIdentifier test, Outcome outcome, String detail, String stub) {
        String exercise = Workbook.exerciseOf(test.getTags().stream().map(TestTag::getName)
                .collect(Collectors.toSet())).orElse("-");
        String name = test.getLegacyReportingName();
        String where = test.getSource().map(Object::toString).orElse(name);
        String key = test.getUniqueId();
        if (results.put(key, new Result(shortName(where, name), exercise, outcome, detail, stub)) == null) {
            order.add(key);
        }
    }

    private static String shortName(String source, String name) {
        // MethodSource[className = 'ch04.fixedbuffer.FixedBufferTest', methodName = 'x', …] -> FixedBufferTest#x
        int c = source.indexOf("className = '");
        if (c < 0) {
            return name;
        }
        String className = source.substring(c + 13, source.indexOf('\'', c + 13));
        className = className.substring(className.lastIndexOf('.') + 1);
        int m = source.indexOf("methodName = '");
        return m < 0 ? className : className + "#" + source.substring(m + 14, source.indexOf('\'', m + 14));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (catalogue == null || results.isEmpty()) {
            return;
        }
        List<Result> all;
        synchronized (order) {
            all = order.stream().map(results::get).toList();
        }
        Progress progress = new Progress(catalogue, all);
        console.println();
        console.print(progress.consoleTable(Workbook.subject(), Workbook.sources(), Rerun.command()));
        console.flush();
        try {
            Path dir = Path.of(Workbook.reports());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TABLE_FILE), progress.markdown(Workbook.subject(), Workbook.sources()),
                    StandardCharsets.UTF_8);
            StringBuilder tsv = new StringBuilder("outcome\texercise\ttest\tdetail\n");
            for (Result r : all) {
                tsv.append(r.outcome()).append('\t').append(r.exercise()).append('\t').append(r.test()).append('\t')
                        .append(r.detail().replaceAll("\\s+", " ")).append('\n');
            }
            Files.writeString(dir.resolve(RESULTS_FILE), tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
