package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import workbook.junit.Catalogue;

/**
 * Everything a batch shares, made once before the first student: the chapter's compiled tests, the
 * kit and the libraries, copied into the batch's own folder (a build running in the same clone
 * meanwhile changes nothing this batch runs); the catalogue and its points; the reference's
 * exercise regions and the skeleton's files, read from the repository.
 */
final class Kit {

    /** The catalogue's resource in the tests. */
    static final String CATALOGUE = Catalogue.RESOURCE;

    final String chapter;
    final Catalogue catalogue;
    final Map<String, Integer> points;
    /** The exercise packages' folder ({@code ch04/}) and class-name prefix ({@code ch04.}). */
    final String packageFolder;
    final String packagePrefix;
    /** The chapter's compiled tests (a folder in the batch's copy). */
    final Path tests;
    /** The test JVM's class path: the kit, the grader and the libraries, never the tests or a student's classes. */
    final List<Path> testClassPath;
    /** What the student's sources compile against: the chapter's main dependencies. */
    final List<Path> compileClassPath;
    /** The reference's regions, by file relative to {@code src/main/java}, in file order. */
    final Map<String, List<ExerciseRegions.Region>> regions;
    /** The skeleton's source files, relative to {@code src/main/java}, with their lines (stripped). */
    final Map<String, Set<String>> skeletonFiles;
    /** Every class of the tests, by name, so a student's class of the same name is refused. */
    final Set<String> testClasses;

    private Kit(String chapter, Catalogue catalogue, Map<String, Integer> points, String packageFolder, Path tests,
            List<Path> testClassPath, List<Path> compileClassPath, Map<String, List<ExerciseRegions.Region>> regions,
            Map<String, Set<String>> skeletonFiles, Set<String> testClasses) {
        this.chapter = chapter;
        this.catalogue = catalogue;
        this.points = points;
        this.packageFolder = packageFolder;
        this.packagePrefix = packageFolder.replace('/', '.');
        this.tests = tests;
        this.testClassPath = testClassPath;
        this.compileClassPath = compileClassPath;
        this.regions = regions;
        this.skeletonFiles = skeletonFiles;
        this.testClasses = testClasses;
    }

    /**
     * Makes the batch's copy of the kit in {@code folder}.
     *
     * @param root the repository (the reference and the skeleton are read from it)
     * @param classPath the grader's own class path: the tests (the entry that holds the catalogue),
     *     the kit, the grader and the libraries
     * @param compileClassPath the chapter's main dependencies
     */
    static Kit prepare(Path root, String chapter, List<Path> classPath, List<Path> compileClassPath, Path folder)
            throws IOException {
        Path testsEntry = classPath.stream().filter(Kit::holdsCatalogue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("none of the class path holds the chapter's tests ("
                        + CATALOGUE + "): " + classPath));
        Path tests = folder.resolve("tests");
        copyEntry(testsEntry, tests);
        Catalogue catalogue;
        String text = Files.readString(tests.resolve(CATALOGUE), StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(tests.resolve(CATALOGUE))) {
            catalogue = Catalogue.parse(in);
        }
        Map<String, Integer> points = Points.parse(text, catalogue);
        Set<String> folders = new TreeSet<>();
        for (Catalogue.Exercise e : catalogue.exercises()) {
            int slash = e.file().indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("exercise " + e.id() + "'s file " + e.file() + " is in no package");
            }
            folders.add(e.file().substring(0, slash + 1));
        }
        if (folders.size() != 1) {
            throw new IllegalArgumentException("the catalogue's files must share one top package, found " + folders);
        }
        List<Path> testClassPath = new ArrayList<>();
        Map<Path, Path> copies = new LinkedHashMap<>();
        for (Path entry : classPath) {
            if (entry.equals(testsEntry) || entry.getFileName().toString().startsWith("ecj-") || !Files.exists(entry)) {
                continue; // the tests go in the grading loader; the compiler runs in the grader only
            }
            if (holds(entry, folders.iterator().next())) {
                // Classes of the exercise packages on the test JVM's class path would be loaded before
                // the student's (a module's stale target/classes, say): leave such an entry out.
                System.err.println("grader: left out of the test JVM's class path, as it holds classes of the exercise"
                        + " packages: " + entry);
                continue;
            }
            Path copy = snapshot(root, entry, folder.resolve("classpath").resolve(String.valueOf(copies.size())));
            copies.put(entry, copy);
            testClassPath.add(copy);
        }
        List<Path> compileWith = compileClassPath.stream().map(e -> copies.getOrDefault(e, e)).toList();
        Path reference = root.resolve("solutions").resolve(chapter).resolve("src/main/java");
        Map<String, List<ExerciseRegions.Region>> regions = new TreeMap<>();
        for (Path f : javaFiles(reference)) {
            List<ExerciseRegions.Region> rs = ExerciseRegions.of(Files.readString(f, StandardCharsets.UTF_8));
            if (!rs.isEmpty()) {
                regions.put(slashed(reference.relativize(f)), rs);
            }
        }
        Path skeleton = root.resolve("chapters").resolve(chapter).resolve("src/main/java");
        Map<String, Set<String>> skeletonFiles = new TreeMap<>();
        for (Path f : javaFiles(skeleton)) {
            Set<String> lines = new java.util.HashSet<>();
            Files.readAllLines(f, StandardCharsets.UTF_8).forEach(l -> lines.add(l.strip()));
            skeletonFiles.put(slashed(skeleton.relativize(f)), lines);
        }
        Set<String> testClasses = new TreeSet<>();
        try (Stream<Path> files = Files.walk(tests)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .forEach(f -> testClasses.add(slashed(tests.relativize(f)).replaceAll("\\.class$", "").replace('/', '.')));
        }
        return new Kit(chapter, catalogue, points, folders.iterator().next(), tests, List.copyOf(testClassPath),
                List.copyOf(compileWith), regions, skeletonFiles, testClasses);
    }

    /** A kit of a catalogue alone: no tests, no class path, no reference (the gradebook's own tests). */
    static Kit forCatalogue(String chapter, Catalogue catalogue, Map<String, Integer> points) {
        return new Kit(chapter, catalogue, points, "ch04/", Path.of("tests"), List.of(), List.of(), Map.of(), Map.of(), Set.of());
    }

    /** The exercises, by id, each with the files its regions are in. */
    Map<String, Set<String>> filesByExercise() {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        for (Catalogue.Exercise e : catalogue.exercises()) {
            files.computeIfAbsent(e.id(), k -> new TreeSet<>()).addAll(e.files());
        }
        regions.forEach((file, rs) -> rs.forEach(r -> files.computeIfAbsent(r.exercise(), k -> new TreeSet<>()).add(file)));
        return files;
    }

    String testClassPathString() {
        return String.join(File.pathSeparator, testClassPath.stream().map(Path::toString).toList());
    }

    private static boolean holdsCatalogue(Path entry) {
        return holds(entry, CATALOGUE);
    }

    /** Whether a class path entry holds {@code name}, a file or (ending in {@code /}) a folder. */
    private static boolean holds(Path entry, String name) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(name));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(entry))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name) || name.endsWith("/") && e.getName().startsWith(name)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** A class path entry as this batch uses it: copied when it lives in the repository (a build may rewrite it), else as it is. */
    private static Path snapshot(Path root, Path entry, Path copy) throws IOException {
        if (!entry.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            return entry; // a library in the local Maven repository: never rewritten in place
        }
        if (Files.isDirectory(entry)) {
            copyEntry(entry, copy);
            return copy;
        }
        Files.createDirectories(copy);
        Path jar = copy.resolve(entry.getFileName());
        Files.copy(entry, jar, StandardCopyOption.COPY_ATTRIBUTES);
        return jar;
    }

    /** Copies a folder, or unpacks a jar, into {@code to}. */
    private static void copyEntry(Path entry, Path to) throws IOException {
        Files.createDirectories(to);
        if (Files.isDirectory(entry)) {
            Files.walkFileTree(entry, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(entry.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(entry.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(entry))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = to.resolve(e.getName()).normalize();
                if (!target.startsWith(to)) {
                    throw new IOException("a jar entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static List<Path> javaFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String slashed(Path relative) {
        return relative.toString().replace(File.separatorChar, '/');
    }
}
