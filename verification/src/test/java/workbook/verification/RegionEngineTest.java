package workbook.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbook.junit.Catalogue;
import workbook.regions.Regions;
import workbook.regions.Tree;

/**
 * The region engine in support ({@code workbook.regions}, behind the student command's reset and
 * compare, the table's placing of compile errors and the grader) reads the markers as the
 * skeleton generator does, on every reference file of every chapter.
 */
class RegionEngineTest {

    private static final String SOURCES = "src/main/java";

    @TestFactory
    @DisplayName("the region engine makes, from every reference file, the skeleton the generator makes")
    Stream<DynamicTest> engine_agrees_with_the_generator() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            Path reference = Chapters.reference(chapter).resolve(SOURCES);
            Tree tree = Tree.of(reference);
            assertThat(tree.files()).as("reference files with regions").isNotEmpty();
            for (var f : tree.files().entrySet()) {
                String text = Skeletons.read(reference.resolve(f.getKey()));
                assertThat(f.getValue().skeleton(id -> true)).as("%s: the engine's skeleton vs Skeletons.java's", f.getKey())
                        .isEqualTo(Skeletons.skeletonOf(Path.of(f.getKey()), text));
            }
        }));
    }

    @TestFactory
    @DisplayName("reset of each exercise in a solved tree restores exactly its skeleton; all of them, the whole skeleton")
    Stream<DynamicTest> reset_restores_one_exercise_and_nothing_else(@TempDir Path dir) {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            Path reference = Chapters.reference(chapter).resolve(SOURCES);
            Tree tree = Tree.of(reference);
            Path solved = dir.resolve(chapter);
            for (var f : tree.files().entrySet()) {
                write(solved.resolve(f.getKey()), f.getValue().skeleton(id -> false));
            }
            Catalogue catalogue = Chapters.catalogue(chapter);
            for (Catalogue.Exercise e : catalogue.exercises()) {
                Map<String, String> reset = tree.reset(solved, e.id());
                assertThat(reset.keySet()).as("files that reset %s changes", e.id())
                        .containsExactlyInAnyOrderElementsOf(tree.filesOf(e.id()));
                for (var f : reset.entrySet()) {
                    String partial = tree.files().get(f.getKey()).skeleton(e.id()::equals);
                    // Imports aside: reset keeps an import of the exercise that another, solved exercise's code uses,
                    // and adds the stub's; the generator's partial skeleton does neither (it never has to compile).
                    assertThat(withoutImports(f.getValue())).as("%s after reset %s: that exercise's skeleton, the rest solved",
                            f.getKey(), e.id()).isEqualTo(withoutImports(partial));
                    if (f.getValue().contains("new NotStartedException(")) {
                        assertThat(f.getValue()).as("%s after reset %s imports the stub's exception", f.getKey(), e.id())
                                .contains("import workbook.NotStartedException;");
                    }
                }
            }
            // One after the other, in the catalogue's order, every reset gives back the committed skeleton.
            for (Catalogue.Exercise e : catalogue.exercises()) {
                for (var f : tree.reset(solved, e.id()).entrySet()) {
                    write(solved.resolve(f.getKey()), f.getValue());
                }
            }
            Path skeleton = Chapters.skeleton(chapter).resolve(SOURCES);
            for (String file : tree.files().keySet()) {
                assertThat(Skeletons.read(solved.resolve(file))).as("%s after resetting every exercise", file)
                        .isEqualTo(Skeletons.read(skeleton.resolve(file)));
            }
        }));
    }

    @TestFactory
    @DisplayName("compare of an exercise on the pristine skeleton shows its own regions only, in every file it spans")
    Stream<DynamicTest> compare_shows_one_exercise() {
        return Chapters.names().stream().map(chapter -> DynamicTest.dynamicTest(chapter, () -> {
            Tree tree = Tree.of(Chapters.reference(chapter).resolve(SOURCES));
            Path skeleton = Chapters.skeleton(chapter).resolve(SOURCES);
            for (Catalogue.Exercise e : Chapters.catalogue(chapter).exercises()) {
                String diff = tree.compare(skeleton, e.id(), "yours", "reference");
                Set<String> files = new LinkedHashSet<>();
                diff.lines().filter(l -> l.startsWith("--- yours/")).forEach(l -> files.add(l.substring("--- yours/".length())));
                assertThat(files).as("files in the diff of %s", e.id()).containsExactlyElementsOf(tree.filesOf(e.id()));
                Set<String> stubLines = new LinkedHashSet<>();
                Set<String> solutionLines = new LinkedHashSet<>();
                for (String f : tree.filesOf(e.id())) {
                    for (Regions.Region r : tree.files().get(f).regions()) {
                        if (r.id().equals(e.id())) {
                            r.skeleton().forEach(l -> stubLines.add(l.stripTrailing()));
                            r.solution().forEach(l -> solutionLines.add(l.stripTrailing()));
                        }
                    }
                }
                diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("--- ")).forEach(l -> assertThat(stubLines)
                        .as("a removed line of %s's diff is its skeleton's", e.id()).contains(l.substring(1).stripTrailing()));
                diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++ ")).forEach(l -> assertThat(solutionLines)
                        .as("an added line of %s's diff is its reference's", e.id()).contains(l.substring(1).stripTrailing()));
            }
        }));
    }

    private static String withoutImports(String text) {
        return text.replaceAll("(?m)^import .*\n", "").replaceAll("\n{3,}", "\n\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
