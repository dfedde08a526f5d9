package workbook.student;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import workbook.junit.Catalogue;
import workbook.junit.Progress;
import workbook.junit.ProgressStore;
import workbook.regions.Tree;

/**
 * One chapter of a student's clone, as the student command sees it: where the student's code, the
 * tests, the reference and the stored progress are, and the settings the chapter's Surefire run
 * gives the machinery, so the watch's in-process runs report exactly as Maven's do.
 */
final class Chapter {

    /**
     * The student's run of the chapter, as the chapter's Surefire settings write it
     * ({@code workbook.replay} in chapters/…/pom.xml): every command the student command prints
     * and the watch's Replay lines are built on it, so they match what a Maven run prints.
     */
    static final String RUN = "./mvnw -q test -Pch04";

    final Path root;
    final Path dir;
    /** The student's code, {@code chapters/<chapter>/src/main/java}. */
    final Path sources;
    /** The same, as the reports show it: relative to the root, with {@code /}. */
    final String shownSources;
    final Path reference;
    final Path shownReferenceDir;
    final Path testClasses;
    final Path state;
    final Catalogue catalogue;

    Chapter(Path root, String name) {
        this.root = root;
        this.dir = root.resolve("chapters").resolve(name);
        this.sources = dir.resolve("src/main/java");
        this.shownSources = "chapters/" + name + "/src/main/java";
        this.reference = root.resolve("solutions").resolve(name).resolve("src/main/java");
        this.shownReferenceDir = Path.of("solutions", name, "src", "main", "java");
        this.testClasses = dir.resolve("target/test-classes");
        this.state = dir.resolve(".workbook");
        Path file = dir.resolve("src/test/resources").resolve(Catalogue.RESOURCE);
        try (InputStream in = Files.newInputStream(file)) {
            this.catalogue = Catalogue.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + file, e);
        }
    }

    ProgressStore store() {
        return new ProgressStore(state);
    }

    Tree tree() {
        return Tree.of(reference);
    }

    /** The compiler's log of the last Maven run of the student's code. */
    Path compileLog() {
        return dir.resolve("target/workbook-compile-main.xml");
    }

    /** The progress as the runs so far left it. */
    Progress progress() {
        return Progress.remembered(catalogue, store().load(catalogue), Map.of());
    }

    /** The system properties the chapter's Surefire run sets (chapters/…/pom.xml), for an in-process run. */
    Map<String, String> settings(Path reports, Path compileLog) {
        return Map.of("workbook.subject", "your code", "workbook.sources", shownSources,
                "workbook.replay", RUN, "workbook.reports", reports.toString(),
                ProgressStore.PROPERTY, state.toString(), "workbook.compileLog", compileLog.toString(),
                "workbook.sourceRoot", sources.toString(), "workbook.reference", reference.toString());
    }

    List<String> ids() {
        return catalogue.exercises().stream().map(Catalogue.Exercise::id).toList();
    }
}
