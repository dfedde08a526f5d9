package workbook.junit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import workbook.CauseChain;
import workbook.NotStartedException;
import workbook.Rerun;
import workbook.Shell;

/**
 * Turns how a chapter's test ends into a lesson for the student.
 *
 * <ul>
 *   <li>An exercise stub reached ({@link NotStartedException} anywhere in the cause chain): the test
 *       is aborted as <em>not started</em>, with the file to edit, the part of
 *       {@code exercises.md} to read and the command that runs just that exercise.</li>
 *   <li>A timeout: a failure that names the exercise and says what usually blocks forever. The
 *       exercise's later tests are then skipped: code that hangs once hangs again, and each hang
 *       costs the whole timeout plus a thread that may go on spinning until the run ends.</li>
 *   <li>A failed assertion: the same failure, expected and actual kept, with a last line that names
 *       the exercise to reread.</li>
 *   <li>A declaration the tests cannot reach (a changed signature: {@link NoSuchMethodError} and the
 *       other linkage errors about the exercise's classes): a failure that names the declaration the
 *       tests expected ({@link SignatureChange}).</li>
 *   <li>Any other exception out of the student's code: a failure that says so, the exception kept as
 *       its cause.</li>
 * </ul>
 * Registered for the chapters through {@code junit.jupiter.extensions.autodetection.enabled}.
 * It knows the exercise from the test's tag ({@code @Tag("4.1a")}); a test without one keeps its
 * failure as it is.
 */
public final class WorkbookExtension
        implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, ExecutionCondition {

    private static final Catalogue CATALOGUE = Catalogue.load().orElse(null);

    /** Exercises that have timed out in this run, with the test that did. */
    private static final Map<String, String> TIMED_OUT = new ConcurrentHashMap<>();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a test method");
        }
        Optional<String> exercise = Workbook.exerciseOf(context.getTags());
        String test = exercise.map(TIMED_OUT::get).orElse(null);
        return test == null
                ? ConditionEvaluationResult.enabled("no timeout in this exercise yet")
                : ConditionEvaluationResult.disabled("skipped: " + exercise.get() + " already timed out in " + test
                        + "; make that test end first");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(context, throwable);
    }

    private static Throwable translate(ExtensionContext context, Throwable thrown) {
        String test = context.getRequiredTestClass().getName()
                + context.getTestMethod().map(m -> "#" + m.getName()).orElse("");
        return lesson(Workbook.exerciseOf(context.getTags()), test, thrown, CATALOGUE);
    }

    /**
     * What a test that checks {@code exercise} and ended in {@code thrown} should report.
     *
     * @param test the test, as {@code Class#method} (the class's binary name), for the timeout bookkeeping
     * @param catalogue where titles, files and anchors come from; may be null
     */
    static Throwable lesson(Optional<String> exercise, String test, Throwable thrown, Catalogue catalogue) {
        Optional<CompileProblems.Problem> broken = CompileProblems.fromThrown(thrown);
        if (broken.isPresent() && exercise.isPresent()) {
            String testClass = test.contains("#") ? test.substring(0, test.indexOf('#')) : test;
            AssertionFailedError failure = new AssertionFailedError("does not compile: "
                    + broken.get().describe(Shell.current().path(Workbook.sourceFile(broken.get().file(), testClass)))
                    + "\nThe compiler could not compile this code, so calling it throws instead of running it."
                    + " Fix the compile error first (the compiler's messages are above the progress table)."
                    + pointer(exercise.get(), catalogue), thrown);
            failure.setStackTrace(new StackTraceElement[0]);
            return failure;
        }
        Optional<NotStartedException> stub = CauseChain.find(thrown, NotStartedException.class);
        if (stub.isPresent()) {
            return notStarted(stub.get().exerciseId(), exercise.orElse(stub.get().exerciseId()), catalogue);
        }
        if (thrown instanceof TestAbortedException || exercise.isEmpty()) {
            return thrown;
        }
        String id = exercise.get();
        Optional<String> changed = SignatureChange.expected(thrown, exercisePackages(catalogue));
        if (changed.isPresent()) {
            AssertionFailedError failure = new AssertionFailedError(changed.get() + pointer(id, catalogue), thrown);
            failure.setStackTrace(new StackTraceElement[0]);
            return failure;
        }
        TimeoutException timeout = CauseChain.find(thrown, TimeoutException.class).orElse(null);
        if (timeout != null) {
            String simple = test.substring(test.lastIndexOf('.') + 1);
            TIMED_OUT.putIfAbsent(id, simple.substring(simple.lastIndexOf('$') + 1));
            AssertionFailedError failure = new AssertionFailedError(id + " timed out: " + timeout.getMessage() + ".\n"
                    + "Your code blocked and never returned. The usual causes: a read loop that waits for an end of"
                    + " stream (-1) that never comes, a read or accept on a socket nobody writes to, a thread that"
                    + " is never joined. Every blocking call needs a way out: EOF, a socket timeout, or a close."
                    + " (The other tests of " + id + " are skipped in this run.)"
                    + pointer(id, catalogue), timeout);
            failure.setStackTrace(new StackTraceElement[0]);
            return failure;
        }
        if (thrown instanceof AssertionFailedError afe) {
            AssertionFailedError lesson = afe.isExpectedDefined() || afe.isActualDefined()
                    ? new AssertionFailedError(afe.getMessage() + pointer(id, catalogue),
                            afe.isExpectedDefined() ? afe.getExpected().getValue() : null,
                            afe.isActualDefined() ? afe.getActual().getValue() : null, afe.getCause())
                    : new AssertionFailedError(afe.getMessage() + pointer(id, catalogue), afe.getCause());
            lesson.setStackTrace(afe.getStackTrace());
            return lesson;
        }
        if (thrown instanceof AssertionError ae) {
            AssertionError lesson = new AssertionError(ae.getMessage() + pointer(id, catalogue), ae.getCause());
            lesson.setStackTrace(ae.getStackTrace());
            return lesson;
        }
        if (thrown instanceof Error) {
            return thrown;
        }
        AssertionFailedError failure = new AssertionFailedError(id + ": the code under test threw "
                + thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())
                + pointer(id, catalogue), thrown);
        failure.setStackTrace(thrown.getStackTrace());
        return failure;
    }

    /** The packages of the catalogue's files ({@code ch04.fixedbuffer}…): where a changed signature is the student's. */
    private static java.util.Set<String> exercisePackages(Catalogue catalogue) {
        return catalogue == null ? java.util.Set.of() : catalogue.exercises().stream()
                .map(e -> e.file().contains("/") ? e.file().substring(0, e.file().lastIndexOf('/')).replace('/', '.') : "")
                .filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static NotStartedAbort notStarted(String stubId, String testedId, Catalogue catalogue) {
        StringBuilder message = new StringBuilder("not started: ");
        message.append(describe(stubId, catalogue));
        if (!stubId.equals(testedId)) {
            message.append(" (").append(testedId).append(" needs it)");
        }
        return new NotStartedAbort(stubId, message.toString());
    }

    private static String describe(String id, Catalogue catalogue) {
        Optional<Catalogue.Exercise> e = catalogue == null ? Optional.empty() : catalogue.exercise(id);
        if (e.isEmpty()) {
            return id;
        }
        return id + " " + e.get().title() + "; edit " + files(e.get())
                + ", read " + e.get().read();
    }

    private static String pointer(String id, Catalogue catalogue) {
        Optional<Catalogue.Exercise> e = catalogue == null ? Optional.empty() : catalogue.exercise(id);
        return e.map(x -> "\n=> Exercise " + id + " (" + x.title() + "): reread " + x.read()
                        + "; your code is in " + files(x)
                        + "; rerun just this with: " + Rerun.groups(id))
                .orElse("\n=> Exercise " + id);
    }

    /** The exercise's files as the reader finds them: one, or {@code a, b and c}. */
    private static String files(Catalogue.Exercise e) {
        List<String> shown = e.files().stream().map(Workbook::exerciseFile).toList();
        return shown.size() == 1 ? shown.get(0)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }
}
