package workbook.junit;

import org.opentest4j.TestAbortedException;

/**
 * How a test that reached an exercise stub ends: aborted (Surefire counts it as skipped), with a
 * message that says which exercise, which file to edit and what to read, instead of a stack trace.
 */
public final class NotStartedAbort extends TestAbortedException {

    private final String exerciseId;

    NotStartedAbort(String exerciseId, String message) {
        super(message);
        this.exerciseId = exerciseId;
        setStackTrace(new StackTraceElement[0]);
    }

    /** The exercise whose stub was reached. */
    public String exerciseId() {
        return exerciseId;
    }
}
