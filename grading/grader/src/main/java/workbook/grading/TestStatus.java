package workbook.grading;

import java.util.Arrays;

/** How one test ended, as the gradebook's per-test results say it. */
enum TestStatus {
    PASSED("passed"),
    FAILED("failed"),
    NOT_STARTED("not started"),
    /** It ran into code the compiler could not compile ({@code Unresolved compilation problem}). */
    DOES_NOT_COMPILE("does not compile"),
    /** It ran past the chapter's JUnit timeout, or was skipped because its exercise already had. */
    TIMED_OUT("timed out"),
    /** The test JVM died while it ran (System.exit, a crash of the JVM). */
    CRASHED("crashed"),
    /** Skipped for another reason (an assumption that does not hold here). */
    SKIPPED("skipped"),
    /** Never ran: the JVM died or the student's time ran out before it. */
    NOT_RUN("not run");

    final String words;

    TestStatus(String words) {
        this.words = words;
    }

    static TestStatus of(String words) {
        return Arrays.stream(values()).filter(s -> s.words.equals(words)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a test status: " + words));
    }
}
