package workbook.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.CauseChain;
import workbook.junit.NotStartedAbort;

/**
 * The test JVM's main class: runs the chapter's compiled tests on one student's compiled classes
 * through the JUnit Platform launcher (no Surefire), with the tests and the student's classes in a
 * {@link GradingClassLoader}, and writes each test's start and end to the events file as it
 * happens ({@link Events}). The grader starts it, watches it, and kills it when it runs out of time.
 *
 * <p>It ends the JVM itself, with {@link Runtime#halt}, so that a thread the student's code left
 * running cannot keep it alive. After a test that timed out it ends early with
 * {@value #RESTART_AFTER_TIMEOUT}: the thread the timeout abandoned may still be spinning, and the
 * grader starts a fresh JVM for the tests that are left, so one student's hang slows no other test.
 *
 * <pre>
 * java -cp KIT workbook.grading.TestRun TESTS STUDENT_CLASSES PACKAGE_PREFIX EVENTS [SKIP_FILE]
 * </pre>
 * {@code SKIP_FILE} lists what not to run again, one per line: {@code uid <unique id>} for a test or
 * container already run, {@code exercise <id>} for an exercise that crashed or timed out.
 */
public final class TestRun {

    /** The exit status after a test timed out: start a fresh JVM for what is left. */
    static final int RESTART_AFTER_TIMEOUT = 75;
    /** The exit status when the run itself could not start (no tests, a broken class path). */
    static final int BROKEN = 70;
    /** The longest failure message kept per test. */
    static final int MESSAGE_LIMIT = 4000;
    /** Surefire's default includes, so the grader runs exactly the tests the student's run runs. */
    static final String TEST_CLASSES = "^(.*[.$])?(Test[^.$]*|[^.$]*Test|[^.$]*Tests|[^.$]*TestCase)$";
    private static final Pattern EXERCISE_ID = Pattern.compile("\\d+\\.\\d+[a-z]");
    static final String UNRESOLVED = "Unresolved compilation problem";
    /** The status word of a container's end event (with the status after it when it did not pass). */
    static final String CONTAINER = "container";

    private TestRun() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(Path.of(args[0]), Path.of(args[1]), args[2], Path.of(args[3]),
                    args.length > 4 ? Path.of(args[4]) : null);
        } catch (Throwable t) {
            t.printStackTrace();
            status = BROKEN;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    static int run(Path tests, Path student, String packagePrefix, Path events, Path skipFile) throws IOException {
        Set<String> skipIds = new HashSet<>();
        Set<String> skipExercises = new HashSet<>();
        if (skipFile != null && Files.isRegularFile(skipFile)) {
            for (String line : Files.readAllLines(skipFile, StandardCharsets.UTF_8)) {
                if (line.startsWith("uid ")) {
                    skipIds.add(line.substring(4));
                } else if (line.startsWith("exercise ")) {
                    skipExercises.add(line.substring(9));
                }
            }
        }
        GradingClassLoader loader = new GradingClassLoader(tests, student, List.of(packagePrefix),
                TestRun.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        PostDiscoveryFilter skip = descriptor -> {
            String uid = descriptor.getUniqueId().toString();
            boolean again = skipIds.contains(uid);
            boolean exercise = descriptor.isTest() && exerciseOf(descriptor.getTags().stream().map(TestTag::getName).toList())
                    .map(skipExercises::contains).orElse(false);
            return again || exercise ? FilterResult.excluded("already graded in an earlier JVM of this student")
                    : FilterResult.included("not run yet");
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(tests)))
                .filters(ClassNameFilter.includeClassNamePatterns(TEST_CLASSES), skip)
                .build();
        Launcher launcher = LauncherFactory.create();
        try (OutputStream out = Files.newOutputStream(events, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Writer writer = new Writer(out);
            launcher.execute(request, writer);
            writer.write(Events.DONE);
        }
        return 0;
    }

    static Optional<String> exerciseOf(List<String> tags) {
        List<String> ids = tags.stream().filter(t -> EXERCISE_ID.matcher(t).matches()).toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** Writes the events; after a timeout, lets nothing else start. */
    private static final class Writer implements TestExecutionListener {
        private final OutputStream out;
        private final Set<String> finished = new HashSet<>();
        private final java.util.Map<String, Long> startedAt = new java.util.concurrent.ConcurrentHashMap<>();
        private TestPlan plan;
        volatile boolean timedOut;

        Writer(OutputStream out) {
            this.out = out;
        }

        synchronized void write(String... fields) {
            try {
                out.write(Events.line(fields).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
            for (TestIdentifier root : testPlan.getRoots()) {
                for (TestIdentifier test : testPlan.getDescendants(root)) {
                    if (test.isTest()) {
                        write(Events.PLANNED, test.getUniqueId(), exercise(test), name(test));
                    }
                }
            }
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (timedOut) {
                // A test that timed out left its thread behind: end this JVM before anything else
                // runs beside it. The grader starts a fresh one for the rest.
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(RESTART_AFTER_TIMEOUT);
            }
            startedAt.put(id.getUniqueId(), System.nanoTime());
            write(Events.STARTED, id.getUniqueId(), exercise(id), name(id));
        }

        private String millis(TestIdentifier id) {
            Long at = startedAt.get(id.getUniqueId());
            return at == null ? "" : String.valueOf((System.nanoTime() - at) / 1_000_000);
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            TestStatus status = reason != null && reason.matches("skipped: \\S+ already timed out in .*")
                    ? TestStatus.TIMED_OUT : TestStatus.SKIPPED;
            for (TestIdentifier test : testsOf(id)) {
                if (finished.add(test.getUniqueId())) {
                    write(Events.FINISHED, test.getUniqueId(), exercise(test), name(test), status.words, reason);
                }
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Throwable thrown = result.getThrowable().orElse(null);
            TestStatus status = switch (result.getStatus()) {
                case SUCCESSFUL -> TestStatus.PASSED;
                case ABORTED -> CauseChain.find(thrown, NotStartedAbort.class).isPresent() ? TestStatus.NOT_STARTED
                        : TestStatus.SKIPPED;
                case FAILED -> failure(thrown);
            };
            if (id.isTest()) {
                finished.add(id.getUniqueId());
                write(Events.FINISHED, id.getUniqueId(), exercise(id), name(id), status.words, message(thrown), millis(id));
            } else {
                if (status != TestStatus.PASSED) {
                    // A container that failed or was aborted before its tests ran (its @BeforeAll, a
                    // class that cannot load) takes them with it; JUnit reports none of them, so the
                    // grader does. One that fails after them (an @AfterAll) is reported on its own.
                    for (TestIdentifier test : testsOf(id)) {
                        if (finished.add(test.getUniqueId())) {
                            write(Events.FINISHED, test.getUniqueId(), exercise(test), name(test), status.words,
                                    "in " + name(id) + ": " + message(thrown));
                        }
                    }
                }
                write(Events.FINISHED, id.getUniqueId(), exercise(id), name(id),
                        status == TestStatus.PASSED ? CONTAINER : CONTAINER + " " + status.words, message(thrown), millis(id));
            }
            if (status == TestStatus.TIMED_OUT) {
                timedOut = true;
            }
        }

        private List<TestIdentifier> testsOf(TestIdentifier id) {
            if (id.isTest()) {
                return List.of(id);
            }
            return plan == null ? List.of() : plan.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
        }
    }

    /** What a failure was: a compile problem the test ran into, a timeout, or a plain failure. */
    static TestStatus failure(Throwable thrown) {
        if (unresolved(thrown).isPresent()) {
            return TestStatus.DOES_NOT_COMPILE;
        }
        if (CauseChain.find(thrown, TimeoutException.class).isPresent()) {
            return TestStatus.TIMED_OUT;
        }
        return TestStatus.FAILED;
    }

    /** The Eclipse compiler's {@code Unresolved compilation problem} error in {@code thrown}'s causes. */
    static Optional<Error> unresolved(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 50; depth++, t = t.getCause()) {
            if (t instanceof Error e && e.getMessage() != null && e.getMessage().startsWith(UNRESOLVED)) {
                return Optional.of(e);
            }
            for (Throwable s : t.getSuppressed()) {
                Optional<Error> found = unresolved(s);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static String message(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        Optional<Error> broken = unresolved(thrown);
        String text;
        if (broken.isPresent()) {
            // "Unresolved compilation problem: \n\tThe method x() is undefined..." at the frame that threw it
            String[] lines = broken.get().getMessage().split("\n");
            String problem = Arrays.stream(lines).skip(1).map(String::strip).filter(l -> !l.isEmpty())
                    .findFirst().orElse(lines[0]);
            StackTraceElement[] trace = broken.get().getStackTrace();
            String where = trace.length == 0 ? "" : trace[0].getClassName().replace('.', '/')
                    .replaceAll("\\$.*", "").replaceAll("[^/]+$", "") + trace[0].getFileName() + ":" + trace[0].getLineNumber() + ": ";
            text = where + problem;
        } else {
            text = thrown.getMessage() == null ? thrown.getClass().getName() : thrown.getMessage();
            if (thrown.getMessage() != null && !(thrown instanceof AssertionError)
                    && !thrown.getClass().getName().startsWith("org.opentest4j")) {
                text = thrown.getClass().getName() + ": " + text;
            }
        }
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + " […]" : text;
    }

    private static String exercise(TestIdentifier id) {
        return exerciseOf(id.getTags().stream().map(TestTag::getName).toList()).orElse("");
    }

    /** {@code FixedBufferReaderTest#should_x}, with the invocation for a parameterised or dynamic test. */
    static String name(TestIdentifier id) {
        String source = id.getSource().map(Object::toString).orElse("");
        int c = source.indexOf("className = '");
        if (c < 0) {
            return id.getDisplayName();
        }
        String className = source.substring(c + 13, source.indexOf('\'', c + 13));
        className = className.substring(className.lastIndexOf('.') + 1);
        int m = source.indexOf("methodName = '");
        String method = m < 0 ? "" : "#" + source.substring(m + 14, source.indexOf('\'', m + 14));
        boolean invocation = id.getUniqueId().contains("-invocation:") || id.getUniqueId().contains("dynamic-test:");
        return className + method + (invocation ? " " + id.getDisplayName() : "");
    }

}
