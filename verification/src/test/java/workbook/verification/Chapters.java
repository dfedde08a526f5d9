package workbook.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import workbook.Shell;
import workbook.junit.Catalogue;
import workbook.junit.Outcome;
import workbook.junit.ProgressListener;

/** The chapters of the repository, as the instructor's checks see them. */
final class Chapters {

    /** Surefire runs each module in its own folder: the repository's root is one up. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Chapters() {
    }

    static List<String> names() {
        return Skeletons.chapterNames(ROOT);
    }

    static Path skeleton(String chapter) {
        return ROOT.resolve("chapters").resolve(chapter);
    }

    static Path reference(String chapter) {
        return ROOT.resolve("solutions").resolve(chapter);
    }

    static Catalogue catalogue(String chapter) {
        Path file = skeleton(chapter).resolve("src/test/resources").resolve(Catalogue.RESOURCE);
        try (InputStream in = Files.newInputStream(file)) {
            return Catalogue.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of a module's {@value ProgressListener#RESULTS_FILE}. */
    record Row(Outcome outcome, String exercise, String test, String stub, String detail) {
    }

    /**
     * The results the progress listener wrote for a module in this build.
     *
     * @throws AssertionError when there are none, or they are older than the module's sources
     *     (the module's tests did not run in this build)
     */
    static List<Row> results(Path module) {
        Path file = module.resolve("target/surefire-reports").resolve(ProgressListener.RESULTS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No test results at " + ROOT.relativize(file)
                    + ": run the full verification from the repository's root (" + Shell.current().command("./mvnw test")
                    + "), which runs that module's tests first.");
        }
        try {
            if (Files.getLastModifiedTime(file).compareTo(newestSource(module)) < 0) {
                throw new AssertionError(ROOT.relativize(file) + " is older than the sources it reports on:"
                        + " run the full verification from the repository's root ("
                        + Shell.current().command("./mvnw test") + ").");
            }
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.split("\t", 5);
                rows.add(new Row(Outcome.valueOf(f[0]), f[1], f[2], f.length > 3 ? f[3] : "", f.length > 4 ? f[4] : ""));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime newestSource(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src"))) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
    }
}
