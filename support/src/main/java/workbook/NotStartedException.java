package workbook;

/**
 * Thrown by every exercise stub in a skeleton: the body has not been written yet.
 *
 * <p>The workbook's JUnit machinery reports a test that ends in this exception as <em>not
 * started</em> (skipped, with the exercise's id, the file to edit and the part of
 * {@code exercises.md} to read) instead of as an error with a stack trace. The exception may reach
 * the test wrapped (for example as the cause of an {@code ExecutionException} from a server
 * thread): the machinery looks through the cause chain.
 *
 * <p>Delete the {@code throw} when you start the exercise.
 */
public class NotStartedException extends RuntimeException {

    private final String exerciseId;

    /** @param exerciseId the exercise's id as in {@code exercises.md}, for example {@code "4.1a"} */
    public NotStartedException(String exerciseId) {
        super("Exercise " + exerciseId + " is not started yet: replace this throw with your code"
                + " (see exercises.md, " + exerciseId + ")");
        this.exerciseId = exerciseId;
    }

    /** The exercise's id, for example {@code "4.1a"}. */
    public String exerciseId() {
        return exerciseId;
    }

    /** The first {@code NotStartedException} in {@code t}'s causes and suppressed exceptions (see {@link CauseChain}), or {@code null}. */
    public static NotStartedException findIn(Throwable t) {
        return CauseChain.find(t, NotStartedException.class).orElse(null);
    }
}
