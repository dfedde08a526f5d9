package workbook.junit;

import java.util.Optional;
import java.util.Set;
import workbook.Shell;

/**
 * What the reports need to know about where they run, from system properties that each module's
 * Surefire configuration sets.
 */
final class Workbook {

    private Workbook() {
    }

    /**
     * The sources the reports point at, as the reader sees them from the repository's root, with
     * {@code /}; {@link workbook.Shell#path} writes them for the reader's shell.
     */
    static String sources() {
        return System.getProperty("workbook.sources", "src/main/java");
    }

    /** An exercise's file ({@code file} relative to {@link #sources()}), written for the reader's shell. */
    static String exerciseFile(String file) {
        return Shell.current().path(sources() + "/" + file);
    }

    /**
     * A source file of this chapter, named relative to a source root ({@code ch04/tlv/Frame.java}),
     * as the reader finds it from the repository's root, with {@code /}: under {@link #sources()},
     * or under the tests' folder beside it when {@code testClass} (a class name) is declared in that
     * file.
     */
    static String sourceFile(String file, String testClass) {
        String testFile = testClass == null ? "" : testClass.replaceAll("\\$.*", "").replace('.', '/') + ".java";
        String root = sources();
        if (file.equals(testFile) && root.endsWith("src/main/java")) {
            root = root.substring(0, root.length() - "main/java".length()) + "test/java";
        }
        return root + "/" + file;
    }

    /** Where the progress table and the results file are written. */
    static String reports() {
        return System.getProperty("workbook.reports", "target/surefire-reports");
    }

    /** What these tests are run against, for the report's heading: "your code", "the reference"… */
    static String subject() {
        return System.getProperty("workbook.subject", "your code");
    }

    /**
     * The exercise a test checks: its one tag that looks like {@code 4.1a}. Empty when it has none
     * or more than one (the instructor's checks reject both: every report must place a test under
     * exactly one exercise).
     */
    static Optional<String> exerciseOf(Set<String> tags) {
        var ids = tags.stream().filter(t -> Catalogue.EXERCISE_ID.matcher(t).matches()).toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
