package workbook.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One student's row: each exercise's cell, each test's result, and the notes an instructor should
 * read (refused files, compile errors outside any exercise, what crashed, what to review).
 *
 * @param name the row's name (the tree's folder name)
 * @param tree the student's tree as given
 * @param cells by exercise id, in the catalogue's order
 * @param seconds how long the student took to grade, compile and tests
 * @param compileSeconds how long the compile took
 * @param jvms how many test JVMs it took (one more after each crash or timeout)
 */
record StudentReport(String name, Path tree, List<TestResult> tests, Map<String, Cell> cells, List<String> notes,
        double seconds, double compileSeconds, int jvms) {

    /** One test's result, as the per-test results file lists it. */
    record TestResult(String uid, String name, String exercise, TestStatus status, String message, double seconds) {

        TestResult(String uid, String name, String exercise, TestStatus status, String message) {
            this(uid, name, exercise, status, message, 0);
        }
    }

    /** The points earned: the points of every exercise that is done. */
    int points(Map<String, Integer> weights) {
        return cells.entrySet().stream().filter(e -> e.getValue().done())
                .mapToInt(e -> weights.getOrDefault(e.getKey(), Points.DEFAULT)).sum();
    }
}
