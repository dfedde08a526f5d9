package workbook.junit;

/** How one test ended, in the workbook's words. */
public enum Outcome {
    PASSED, FAILED, NOT_STARTED, SKIPPED
}
