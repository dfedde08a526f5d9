package workbook.junit;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import workbook.NotStartedException;

/**
 * Turns how a chapter's test ends into a lesson for the student.
 *
 * <ul>
 *   <li>An exercise stub reached ({@link NotStartedException} anywhere in the cause chain): the test
 *       is aborted as <em>not started</em>, with the file to edit, the part of
 *       {@code exercises.md} to read and the command that runs just that exercise.</li>
 *   <li>A timeout: a failure that names the exercise and says what usually blocks forever.</li>
 *   <li>A failed assertion: the same failure, expected and actual kept, with a last line that names
 *       the exercise to reread.</li>
 *   <li>Any other exception out of the student's code: a failure that says so, the exception kept as
 *       its cause.</li>
 * </ul>
 * Registered for the chapters through {@code junit.jupiter.extensions.autodetection.enabled}.
 * It knows the exercise from the test's tag ({@code @Tag("4.1a")}); a test without one keeps its
 * failure as it is.
 */
public final class WorkbookExtension implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final Catalogue CATALOGUE = Catalogue.load().orElse(null);

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

    static Throwable translate(ExtensionContext context, Throwable thrown) {
        Optional<String> exercise = Workbook.exerciseOf(context.getTags());
        NotStartedException stub = NotStartedException.findIn(thrown);
        if (stub != null) {
            return notStarted(stub.exerciseId(), exercise.orElse(stub.exerciseId()));
        }
        if (thrown instanceof TestAbortedException || exercise.isEmpty()) {
            return thrown;
        }
        String id = exercise.get();
        TimeoutException timeout = find(thrown, TimeoutException.class);
        if (timeout != null) {
            AssertionFailedError failure = new AssertionFailedError(id + " timed out: " + timeout.getMessage() + ".\n"
                    + "Your code blocked and never returned. The usual causes: a read loop that waits for an end of"
                    + " stream (-1) that never comes, a read or accept on a socket nobody writes to, a thread that"
                    + " is never joined. Every blocking call needs a way out: EOF, a socket timeout, or a close."
                    + pointer(id), timeout);
            failure.setStackTrace(new StackTraceElement[0]);
            return failure;
        }
        if (thrown instanceof AssertionFailedError afe) {
            AssertionFailedError lesson = afe.isExpectedDefined() || afe.isActualDefined()
                    ? new AssertionFailedError(afe.getMessage() + pointer(id),
                            afe.isExpectedDefined() ? afe.getExpected().getValue() : null,
                            afe.isActualDefined() ? afe.getActual().getValue() : null, afe.getCause())
                    : new AssertionFailedError(afe.getMessage() + pointer(id), afe.getCause());
            lesson.setStackTrace(afe.getStackTrace());
            return lesson;
        }
        if (thrown instanceof AssertionError ae) {
            AssertionError lesson = new AssertionError(ae.getMessage() + pointer(id), ae.getCause());
            lesson.setStackTrace(ae.getStackTrace());
            return lesson;
        }
        if (thrown instanceof Error) {
            return thrown;
        }
        AssertionFailedError failure = new AssertionFailedError(id + ": the code under test threw "
                + thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())
                + pointer(id), thrown);
        failure.setStackTrace(thrown.getStackTrace());
        return failure;
    }

    static NotStartedAbort notStarted(String stubId, String testedId) {
        StringBuilder message = new StringBuilder("not started: ");
        message.append(describe(stubId));
        if (!stubId.equals(testedId)) {
            message.append(" (").append(testedId).append(" needs it)");
        }
        return new NotStartedAbort(stubId, message.toString());
    }

    private static String describe(String id) {
        Optional<Catalogue.Exercise> e = CATALOGUE == null ? Optional.empty() : CATALOGUE.exercise(id);
        if (e.isEmpty()) {
            return id;
        }
        return id + " " + e.get().title() + "; edit " + Workbook.sources() + "/" + e.get().file()
                + ", read " + e.get().read();
    }

    private static String pointer(String id) {
        Optional<Catalogue.Exercise> e = CATALOGUE == null ? Optional.empty() : CATALOGUE.exercise(id);
        return e.map(x -> "\n=> Exercise " + id + " (" + x.title() + "): reread " + x.read()
                        + "; your code is in " + Workbook.sources() + "/" + x.file()
                        + "; rerun just this with: " + Workbook.run() + " -Dgroups=" + id)
                .orElse("\n=> Exercise " + id);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
