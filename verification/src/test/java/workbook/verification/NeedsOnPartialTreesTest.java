package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import workbook.junit.Catalogue;
import workbook.regions.Tree;
import workbook.student.Engine;

/**
 * The catalogue's {@code needs:} lines against what the tests really run, exercise by exercise:
 * for each exercise Y, the reference with only Y's regions put back to the skeleton, compiled,
 * and the tests of every later exercise run on it. Every test passes on the reference, so a test
 * of X that does not pass there (it reaches Y's stub, runs into code that no longer compiles
 * without Y's, or fails because Y's stub threw on a thread of its own) shows that X's tests need
 * Y's code, whatever else is solved; X must list Y, and every Y that X lists must be shown so by one
 * of X's tests. A test that fails there for another reason (a flaky one) would show a prerequisite
 * that is not one: the reference's tests are held to pass 20 runs in a row under load.
 *
 * <p>What it proves: the lines are exactly the prerequisites as the reference's code and the
 * tests use them. What it cannot: that a student's different solution of X calls the same
 * exercises (a 4.1c that does not reuse 4.1a's reader needs nothing of 4.1a), nor anything about
 * paths the tests do not take. A few minutes, so only on request, after a build of the chapter's
 * tests: {@code ./mvnw -q test -Dworkbook.needs=partial} (the full verification with it).
 */
@EnabledIfSystemProperty(named = "workbook.needs", matches = "partial")
class NeedsOnPartialTreesTest {

    @TestFactory
    @DisplayName("needs: lines list exactly the exercises whose stubs the tests reach in trees with one exercise unsolved")
    Stream<DynamicTest> needs_match_partial_trees(@TempDir Path dir) {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            Path reference = Chapters.reference(chapter).resolve("src/main/java");
            Path testClasses = Chapters.skeleton(chapter).resolve("target/test-classes");
            assertThat(testClasses.resolve(Catalogue.RESOURCE)).as("the chapter's compiled tests (run the full verification)")
                    .isRegularFile();
            Tree tree = Tree.of(reference);
            Catalogue catalogue = Chapters.catalogue(chapter);
            List<String> ids = catalogue.exercises().stream().map(Catalogue.Exercise::id).toList();
            Map<String, Set<String>> reached = new TreeMap<>();
            for (int y = 0; y < ids.size() - 1; y++) {
                String unsolved = ids.get(y);
                Path sources = dir.resolve(chapter).resolve(unsolved).resolve("src");
                copy(reference, sources);
                for (var f : tree.reset(sources, unsolved).entrySet()) {
                    Files.writeString(sources.resolve(f.getKey()), f.getValue());
                }
                Engine engine = new Engine(sources, testClasses, dir.resolve(chapter).resolve(unsolved).resolve("work"),
                        Map.of("workbook.reports", dir.resolve(chapter).resolve(unsolved).resolve("reports").toString()),
                        libraries(chapter));
                // Another exercise's solved code may use what the unsolved one declares (4.5d's code calls members that
                // 4.5c's regions declare): that code does not compile, and its tests, running into it, need the unsolved one too.
                List<?> problems = engine.compile();
                if (!problems.isEmpty()) {
                    System.out.println("with " + unsolved + " unsolved, " + problems.size() + " compile errors, such as " + problems.get(0));
                }
                for (Engine.TestResult r : engine.test(String.join(" | ", ids.subList(y + 1, ids.size())))) {
                    // Only the unsolved exercise differs from the reference, on which every test passes: a test of a later
                    // exercise that does not pass here needs it, whether it reached the stub, ran into code that no longer
                    // compiles, or failed because the stub threw on a thread of its own (4.5c's proxy sessions).
                    if (r.status().equals("not started") && r.stub().equals(unsolved) || r.status().equals("does not compile")
                            || r.status().equals("failed")) {
                        reached.computeIfAbsent(r.exercise(), k -> new TreeSet<>()).add(unsolved);
                    }
                }
            }
            Set<String> problems = new TreeSet<>();
            for (Catalogue.Exercise e : catalogue.exercises()) {
                Set<String> mine = reached.getOrDefault(e.id(), Set.of());
                for (String need : mine) {
                    if (!e.needs().contains(need)) {
                        problems.add(e.id() + ": a test of it does not pass when only " + need + " is unsolved, but needs:"
                                + " does not list " + need);
                    }
                }
                for (String need : e.needs()) {
                    if (!mine.contains(need)) {
                        problems.add(e.id() + ": needs: lists " + need + ", but every test of " + e.id() + " passes"
                                + " when only " + need + " is unsolved");
                    }
                }
            }
            System.out.println("needs found on partial trees of " + chapter + ": " + reached);
            assertThat(problems).as("catalogue.txt's needs: lines vs the tests").isEmpty();
        }));
    }

    /** The chapter's test class path as its last run wrote it, less the chapter's own classes. */
    private static List<Path> libraries(String chapter) throws IOException {
        Path module = Chapters.skeleton(chapter);
        Path file = module.resolve("target/workbook-classpath.txt");
        assertThat(file).as("the class path the chapter's test run writes (run the full verification)").isRegularFile();
        Path classes = module.resolve("target/classes").toAbsolutePath().normalize();
        Path tests = module.resolve("target/test-classes").toAbsolutePath().normalize();
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> Path.of(l.strip()).toAbsolutePath().normalize())
                .filter(p -> !p.equals(classes) && !p.equals(tests)).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
