package workbook.junit;

/** How one test ended, in the workbook's words. */
public enum Outcome {
    PASSED, FAILED, NOT_STARTED, SKIPPED,
    /** The test ran into code that the compiler could not compile (the student's run compiles with -proceedOnError). */
    DOES_NOT_COMPILE
}
