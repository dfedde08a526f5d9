package workbook.regions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A chapter's reference sources ({@code solutions/<chapter>/src/main/java}) read as regions, set
 * against another tree of the same files (a student's {@code chapters/<chapter>/src/main/java}).
 * Paths are relative to the source roots and written with {@code /}, as the catalogue's
 * {@code file:} lines are.
 */
public final class Tree {

    private final Path reference;
    private final Map<String, Regions> files;

    private Tree(Path reference, Map<String, Regions> files) {
        this.reference = reference;
        this.files = files;
    }

    /** Reads every {@code .java} file under {@code reference} that has at least one region. */
    public static Tree of(Path reference) {
        Map<String, Regions> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(reference)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = relative(reference, f);
                Regions regions = Regions.of(name, read(f));
                if (!regions.regions().isEmpty()) {
                    files.put(name, regions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tree(reference, files);
    }

    /** The reference's source root. */
    public Path reference() {
        return reference;
    }

    /** Every file with regions, by its path relative to the root. */
    public Map<String, Regions> files() {
        return files;
    }

    /** The files that hold a region of exercise {@code id}, in path order. */
    public List<String> filesOf(String id) {
        return files.entrySet().stream().filter(e -> e.getValue().ids().contains(id)).map(Map.Entry::getKey).toList();
    }

    /** The regions of {@code file}, if it has any. */
    public Optional<Regions> regions(String file) {
        return Optional.ofNullable(files.get(file));
    }

    /**
     * The exercise whose region of {@code file} holds {@code line} (1-based) of the student's copy
     * {@code student}; empty when the line is outside every region or the regions cannot be placed.
     */
    public Optional<String> exerciseAt(String file, List<String> student, int line) {
        Regions regions = files.get(file);
        if (regions == null) {
            return Optional.empty();
        }
        try {
            for (Regions.Span s : regions.locate(student)) {
                if (line - 1 >= s.from() && line - 1 < s.to()) {
                    return Optional.of(s.region().id());
                }
            }
        } catch (Regions.RegionException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** One file's part of an exercise: the student's lines of its regions beside the reference's. */
    public record Side(String file, int studentLine, List<String> student, List<String> reference, int referenceLine) {
    }

    /**
     * Each region of exercise {@code id}, the student's lines (from {@code studentRoot}) beside the
     * reference's, in file order.
     *
     * @throws Regions.RegionException when a region cannot be placed in the student's file
     * @throws UncheckedIOException when a student's file is missing
     */
    public List<Side> sides(Path studentRoot, String id) {
        List<Side> sides = new ArrayList<>();
        for (String file : filesOf(id)) {
            List<String> student = Regions.lines(read(studentRoot.resolve(file)));
            for (Regions.Span s : files.get(file).locate(student)) {
                if (s.region().id().equals(id)) {
                    sides.add(new Side(file, s.from() + 1, s.lines(student), s.region().solution(), s.region().first() + 2));
                }
            }
        }
        return sides;
    }

    /**
     * A unified diff of exercise {@code id}'s regions only: from the student's code ({@code ---},
     * labelled {@code studentLabel/file}) to the reference's ({@code +++}, {@code referenceLabel/file}),
     * across every file the exercise spans. Empty when they are the same.
     */
    public String compare(Path studentRoot, String id, String studentLabel, String referenceLabel) {
        StringBuilder out = new StringBuilder();
        for (Side s : sides(studentRoot, id)) {
            out.append(UnifiedDiff.of(studentLabel + "/" + s.file(), s.student(), s.studentLine(),
                    referenceLabel + "/" + s.file(), s.reference(), s.referenceLine()));
        }
        return out.toString();
    }

    /**
     * The files of exercise {@code id} in {@code studentRoot} with that exercise's regions put back to
     * the skeleton and everything else as it was, by path; only files that change.
     */
    public Map<String, String> reset(Path studentRoot, String id) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (String file : filesOf(id)) {
            String before = read(studentRoot.resolve(file));
            String after = String.join("\n", files.get(file).reset(Regions.lines(before), id));
            if (!after.equals(before.replace("\r\n", "\n"))) {
                changed.put(file, after);
            }
        }
        return changed;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
