package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import workbook.Shell;
import workbook.junit.Catalogue;
import workbook.junit.Outcome;

/**
 * What the root build proves for every chapter, after the skeleton's and the reference's tests have
 * run: the skeleton is generated from the reference, it is really unsolved, the reference really
 * passes, and the catalogue, the stubs, the tests and exercises.md name the same exercises.
 */
class InstructorChecksTest {

    /** Said with every check: a student who runs the root build after editing the skeleton fails these by design. */
    static final String STUDENTS = "\n(Students: these checks are for the pristine workbook, and your edits to"
            + " chapters/ make them fail by design. Run " + Shell.current().command("./mvnw -q test -Pch04")
            + " for your progress instead, and never run"
            + " Skeletons --write: it replaces your code with stubs.)";

    private static final Pattern STUB = Pattern.compile("new NotStartedException\\(\"([^\"]+)\"\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    @DisplayName("each chapter's skeleton is exactly what the generator makes from the reference")
    void skeleton_has_not_drifted() {
        assertThat(Skeletons.drift(Chapters.ROOT))
                .as("skeleton vs reference. Instructors: after changing a reference, regenerate the skeleton with"
                        + " java verification/src/main/java/workbook/verification/Skeletons.java --write" + STUDENTS)
                .isEmpty();
    }

    @TestFactory
    @DisplayName("the pristine skeleton is unsolved: every exercise test reports not started")
    Stream<DynamicTest> skeleton_is_unsolved() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            List<Chapters.Row> rows = Chapters.results(Chapters.skeleton(chapter));
            assertThat(rows).as("tests of the skeleton of %s", chapter).isNotEmpty();
            assertThat(rows.stream().filter(r -> r.outcome() != Outcome.NOT_STARTED && r.outcome() != Outcome.SKIPPED))
                    .as("tests of the pristine skeleton that passed by accident or broke for another reason than a stub" + STUDENTS)
                    .isEmpty();
            assertThat(rows.stream().filter(r -> r.exercise().equals("-")))
                    .as("tests without exactly one exercise tag (@Tag(\"4.1a\") on the method, the section's tag on the class):"
                            + " the reports cannot place them").isEmpty();
            assertEveryExerciseRan(chapter, rows, Outcome.NOT_STARTED);
        }));
    }

    @TestFactory
    @DisplayName("every reference solution passes every test")
    Stream<DynamicTest> reference_is_solved() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            List<Chapters.Row> rows = Chapters.results(Chapters.reference(chapter));
            assertThat(rows.stream().filter(r -> r.outcome() != Outcome.PASSED && r.outcome() != Outcome.SKIPPED))
                    .as("tests of the reference of %s that did not pass", chapter).isEmpty();
            assertEveryExerciseRan(chapter, rows, Outcome.PASSED);
        }));
    }

    @TestFactory
    @DisplayName("each exercise's needs: line lists every other exercise whose stub its tests reached on the pristine skeleton")
    Stream<DynamicTest> needs_cover_the_stubs_the_tests_reached() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            Catalogue catalogue = Chapters.catalogue(chapter);
            List<Chapters.Row> rows = Chapters.results(Chapters.skeleton(chapter));
            Set<String> missing = new TreeSet<>();
            for (Chapters.Row r : rows) {
                if (r.outcome() == Outcome.NOT_STARTED && !r.stub().isEmpty() && !r.stub().equals(r.exercise())) {
                    Catalogue.Exercise e = catalogue.exercise(r.exercise()).orElseThrow();
                    if (!e.needs().contains(r.stub())) {
                        missing.add(r.exercise() + " needs " + r.stub() + " (" + r.test() + " reached its stub)");
                    }
                }
            }
            // On the pristine skeleton a test stops at the first stub it reaches: this proves the needs: lines list at
            // least those, not that every listed prerequisite is needed (NeedsOnPartialTreesTest, -Dworkbook.needs=partial, checks that).
            assertThat(missing).as("prerequisites that catalogue.txt's needs: lines do not list" + STUDENTS).isEmpty();
        }));
    }

    private static void assertEveryExerciseRan(String chapter, List<Chapters.Row> rows, Outcome outcome) {
        Set<String> seen = rows.stream().filter(r -> r.outcome() == outcome).map(Chapters.Row::exercise)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogued = Chapters.catalogue(chapter).exercises().stream().map(Catalogue.Exercise::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(seen).as("exercises of %s with at least one test that is %s" + STUDENTS, chapter, outcome)
                .containsExactlyElementsOf(catalogued);
    }

    @TestFactory
    @DisplayName("the catalogue, the stubs and exercises.md name the same exercises, and every file and anchor exists")
    Stream<DynamicTest> catalogue_matches_the_sources() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            Catalogue catalogue = Chapters.catalogue(chapter);
            Set<String> ids = catalogue.exercises().stream().map(Catalogue.Exercise::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(stubIds(Chapters.skeleton(chapter).resolve("src/main/java")))
                    .as("ids thrown by the skeleton's stubs vs the catalogue's ids" + STUDENTS).isEqualTo(ids);
            Set<String> anchors = anchors(Chapters.ROOT.resolve("exercises.md"));
            workbook.regions.Tree tree = workbook.regions.Tree.of(Chapters.reference(chapter).resolve("src/main/java"));
            for (Catalogue.Exercise e : catalogue.exercises()) {
                for (String file : e.files()) {
                    assertThat(Chapters.skeleton(chapter).resolve("src/main/java").resolve(file))
                            .as("%s: a file the catalogue names", e.id()).isRegularFile();
                }
                assertThat(e.files()).as("%s: the catalogue's 'file:' line vs the files that hold the exercise's"
                        + " // SOLUTION regions in the reference (list every one, the one to start with first)", e.id())
                        .containsExactlyInAnyOrderElementsOf(tree.filesOf(e.id()));
                assertThat(e.read()).as("%s: 'read' points into exercises.md", e.id()).startsWith("exercises.md#");
                assertThat(anchors).as("%s: the heading that %s points at", e.id(), e.read())
                        .contains(e.read().substring("exercises.md#".length()));
            }
        }));
    }

    @Test
    @DisplayName("exercises.md shows each exercise's prerequisites and hints as the catalogue says them")
    void workbook_holds_the_catalogues_hints() {
        // The catalogue is the hints' home (the progress table and the student's command read it);
        // exercises.md holds a generated copy, which must not drift.
        assertThat(Hints.drift(Chapters.ROOT))
                .as("exercises.md vs the catalogues. Instructors: after changing a catalogue's hint or needs line,"
                        + " or adding an exercise's part, run"
                        + " java verification/src/main/java/workbook/verification/Hints.java --write" + STUDENTS)
                .isEmpty();
    }

    private static Set<String> stubIds(Path sources) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = STUB.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    /** The anchors GitHub makes for the headings of a Markdown file. */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(Files.readString(markdown, StandardCharsets.UTF_8));
        while (m.find()) {
            anchors.add(slug(m.group(1)));
        }
        return anchors;
    }

    /** GitHub's rule: lower case, drop what is not a letter, digit, space, '-' or '_', spaces to '-'. */
    static String slug(String heading) {
        String text = Normalizer.normalize(heading.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("`", "");
        return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
