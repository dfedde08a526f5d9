package workbook.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the student's runs found, kept between runs: one line per exercise, the last run that ran
 * any of its tests. A run of one section or one exercise then still shows the others as the last
 * run left them (marked as from an earlier run), and "Next" never points at an exercise that an
 * earlier run found done.
 *
 * <p>The store is a folder outside {@code target/} (the chapter's {@code .workbook/}, which
 * {@code .gitignore} leaves out), so {@code mvn clean} keeps it; only the student's runs use one
 * (the chapter's Surefire settings and the student command set {@value #PROPERTY}). Delete the
 * folder to start the table afresh. The file is written whole to a temporary file and moved into
 * place, so a run stopped halfway leaves the previous one.
 */
public final class ProgressStore {

    /** The system property that names the store's folder; unset, nothing is remembered. */
    public static final String PROPERTY = "workbook.state";
    /** The file, in the store's folder. */
    public static final String FILE = "progress.tsv";

    private static final String HEADER = "exercise\tstatus\tpassed\tfailed\ttests\townStub\twaitsFor\tproblem\tendedAt";

    private final Path dir;

    public ProgressStore(Path dir) {
        this.dir = dir;
    }

    /** The store this JVM's settings name, if any. */
    public static java.util.Optional<ProgressStore> configured() {
        String dir = System.getProperty(PROPERTY, "");
        return dir.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(new ProgressStore(Path.of(dir)));
    }

    public Path dir() {
        return dir;
    }

    /** What earlier runs found, by exercise; exercises the catalogue no longer has are dropped. Empty when nothing is stored or the file is unreadable. */
    public Map<String, Progress.Line> load(Catalogue catalogue) {
        Map<String, Progress.Line> lines = new LinkedHashMap<>();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try {
            for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = row.split("\t", -1);
                if (f.length < 9 || row.equals(HEADER)) {
                    continue;
                }
                var exercise = catalogue.exercise(f[0]);
                if (exercise.isEmpty()) {
                    continue;
                }
                try {
                    lines.put(f[0], new Progress.Line(exercise.get(), Progress.Status.valueOf(f[1]), Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]), Integer.parseInt(f[4]), Boolean.parseBoolean(f[5]),
                            f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(",")), f[7], Long.parseLong(f[8]), false,
                            List.of()));
                } catch (IllegalArgumentException malformed) {
                    // A line from another version of the workbook: forget it, the next run writes it again.
                }
            }
        } catch (IOException unreadable) {
            return Map.of();
        }
        return lines;
    }

    /** Keeps the lines of this run's exercises, and what was stored for the others. */
    public void save(Catalogue catalogue, List<Progress.Line> ranNow, long endedAt) throws IOException {
        Map<String, Progress.Line> lines = load(catalogue);
        for (Progress.Line l : ranNow) {
            lines.put(l.exercise().id(), l);
        }
        write(catalogue, lines, endedAt);
    }

    /**
     * Forgets what the runs found for one exercise, so that it shows as "not run yet" until its tests
     * run again: the student command's reset puts its code back as the skeleton has it, and a "done"
     * kept from before would let Next skip it and compare show the reference.
     */
    public void forget(Catalogue catalogue, String exercise) throws IOException {
        Map<String, Progress.Line> lines = load(catalogue);
        if (lines.remove(exercise) != null) {
            write(catalogue, lines, 0);
        }
    }

    private void write(Catalogue catalogue, Map<String, Progress.Line> lines, long endedAt) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Catalogue.Exercise e : catalogue.exercises()) {
            Progress.Line l = lines.get(e.id());
            if (l != null) {
                out.append(e.id()).append('\t').append(l.status()).append('\t').append(l.passed()).append('\t')
                        .append(l.failed()).append('\t').append(l.tests()).append('\t').append(l.ownStub()).append('\t')
                        .append(String.join(",", l.waitsFor())).append('\t').append(l.problem().replaceAll("\\s+", " "))
                        .append('\t').append(l.ranNow() ? endedAt : l.when()).append('\n');
            }
        }
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, FILE, ".tmp");
        Files.writeString(temporary, out, StandardCharsets.UTF_8);
        Files.move(temporary, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
