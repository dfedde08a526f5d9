package workbook.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import workbook.junit.Catalogue;
import workbook.junit.Outcome;

/**
 * The full verification's last words, for an instructor: what was checked, with counts, once every
 * check of the verification module has passed. The modules before it keep quiet (their tests'
 * output goes to files), so this is what {@code ./mvnw test} and {@code ./mvnw -q test} show.
 * Registered for this module's tests only ({@code META-INF/services} in its test resources); it
 * says nothing when the instructor's checks did not run in this JVM (a single test, say).
 */
public final class InstructorSummary implements TestExecutionListener {

    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*");
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private volatile boolean instructorChecks;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        instructorChecks = plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
                .anyMatch(t -> t.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .map(s -> s.getClassName().equals(InstructorChecksTest.class.getName())).orElse(false));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed.incrementAndGet();
        } else if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            passed.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!instructorChecks) {
            return;
        }
        String rule = "-".repeat(78);
        StringBuilder out = new StringBuilder("\n").append(rule).append('\n');
        if (failed.get() > 0) {
            out.append("Verification FAILED: ").append(failed.get()).append(" of the instructor's checks failed; each is listed")
                    .append(" below with what it found.\n").append(rule).append('\n');
            System.out.print(out);
            System.out.flush();
            return;
        }
        try {
            out.append("Verification passed: the pristine workbook is consistent\n");
            for (String chapter : Chapters.names()) {
                List<Chapters.Row> reference = Chapters.results(Chapters.reference(chapter));
                List<Chapters.Row> skeleton = Chapters.results(Chapters.skeleton(chapter));
                Catalogue catalogue = Chapters.catalogue(chapter);
                line(out, "chapter", chapter);
                line(out, "reference solutions", count(reference, Outcome.PASSED) + " tests passed"
                        + skipped(reference) + "; every exercise done");
                line(out, "skeleton", count(skeleton, Outcome.NOT_STARTED) + " tests not started" + skipped(skeleton)
                        + "; none passed, none broke");
                line(out, "catalogue", catalogue.exercises().size() + " exercises in " + catalogue.sections().size()
                        + " sections; stubs, files, exercises.md's anchors and hints: consistent");
                line(out, "README's sections", catalogue.sections().size() + " rows ready, one per section of the catalogue");
            }
            line(out, "drift", "none: the skeleton's " + Skeletons.expected(Chapters.ROOT).size()
                    + " files are what the generator makes from the reference");
            line(out, "kit and machinery", suite("support")
                    + "; the sample failure reports they print are in support/target/surefire-reports/*-output.txt");
            line(out, "class grader", suite("grading/grader"));
            line(out, "these checks", passed.get() + " passed (verification)");
        } catch (RuntimeException | AssertionError e) {
            out.append("(the summary could not be made: ").append(e.getMessage()).append(")\n");
        }
        out.append(rule).append('\n');
        System.out.print(out);
        System.out.flush();
    }

    private static void line(StringBuilder out, String what, String text) {
        out.append(String.format(Locale.ROOT, "  %-21s %s%n", what, text));
    }

    private static long count(List<Chapters.Row> rows, Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String skipped(List<Chapters.Row> rows) {
        long n = count(rows, Outcome.SKIPPED);
        return n == 0 ? "" : " (" + n + " skipped: not on this platform)";
    }

    /** A module's Surefire counts in this build, or why there are none. */
    private static String suite(String module) {
        Path reports = Chapters.ROOT.resolve(module).resolve("target/surefire-reports");
        try {
            FileTime sources = newest(Chapters.ROOT.resolve(module).resolve("src"));
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(reports)) {
                try (Stream<Path> s = Files.list(reports)) {
                    s.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).forEach(files::add);
                }
            }
            long tests = 0;
            long bad = 0;
            long skipped = 0;
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).compareTo(sources) < 0) {
                    continue; // from an earlier build
                }
                Matcher m = SUITE.matcher(Files.readString(f));
                if (m.find()) {
                    tests += attribute(m.group(), "tests");
                    bad += attribute(m.group(), "failures") + attribute(m.group(), "errors");
                    skipped += attribute(m.group(), "skipped");
                }
            }
            if (tests == 0) {
                return "not run in this build";
            }
            return (tests - bad - skipped) + " tests passed" + (bad > 0 ? ", " + bad + " failed" : "")
                    + (skipped > 0 ? ", " + skipped + " skipped" : "") + " (" + module + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long attribute(String element, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(element);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static FileTime newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder()).orElse(FileTime.fromMillis(0));
        }
    }
}
