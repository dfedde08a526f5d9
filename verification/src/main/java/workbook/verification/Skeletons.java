package workbook.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates each chapter's student skeleton from its reference solution, and checks that the
 * committed skeleton is exactly what the generator makes, so the two trees cannot drift.
 *
 * <p>The reference marks each exercise body:
 * <pre>
 *     // SOLUTION 4.1a
 *     ... reference lines, left out of the skeleton ...
 *     // SKELETON
 *     // skeleton lines, written to the skeleton uncommented
 *     // END 4.1a
 * </pre>
 * Without a {@code // SKELETON} part the skeleton gets {@code throw new NotStartedException("4.1a");}
 * at the marker's indentation. Every line outside a region is copied as it is, so signatures,
 * modifiers and javadoc are the same in both trees by construction.
 *
 * <p>Line endings are not content: both trees are read with {@code \r\n} taken as {@code \n}, and
 * the skeleton is written with {@code \n}. The repository stores every source with {@code \n} and
 * {@code .gitattributes} checks them out that way on every platform; a reference that an editor
 * saved with {@code \r\n} on Windows still generates, and checks, as the same skeleton.
 *
 * <p>Runs without a build, from the repository's root:
 * <pre>
 * java verification/src/main/java/workbook/verification/Skeletons.java --check   # exit 1 on drift
 * java verification/src/main/java/workbook/verification/Skeletons.java --write   # regenerate
 * </pre>
 */
public final class Skeletons {

    private static final Pattern SOLUTION = Pattern.compile("^(\\s*)// SOLUTION (\\S+)\\s*$");
    private static final Pattern SKELETON = Pattern.compile("^\\s*// SKELETON\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END (\\S+)\\s*$");
    private static final Pattern COMMENTED = Pattern.compile("^(\\s*)//( ?)(.*)$");
    private static final String SOURCES = "src/main/java";

    private Skeletons() {
    }

    /** A marker that does not pair up, named by file and line so the author can fix it. */
    public static final class MarkerException extends RuntimeException {
        MarkerException(Path file, int line, String problem) {
            super(file + ":" + line + ": " + problem);
        }
    }

    /**
     * The skeleton of one reference source file.
     *
     * @throws MarkerException when the markers do not pair up
     */
    public static String skeletonOf(Path file, String reference) {
        List<String> out = new ArrayList<>();
        String[] lines = reference.split("\n", -1);
        String openId = null;
        String indent = "";
        int openedAt = 0;
        boolean inSkeleton = false;
        boolean hadSkeleton = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher solution = SOLUTION.matcher(line);
            Matcher end = END.matcher(line);
            if (solution.matches()) {
                if (openId != null) {
                    throw new MarkerException(file, i + 1, "SOLUTION " + solution.group(2)
                            + " opens inside SOLUTION " + openId + " (opened at line " + openedAt + ")");
                }
                openId = solution.group(2);
                indent = solution.group(1);
                openedAt = i + 1;
                inSkeleton = false;
                hadSkeleton = false;
            } else if (SKELETON.matcher(line).matches()) {
                if (openId == null || inSkeleton) {
                    throw new MarkerException(file, i + 1, "SKELETON outside a SOLUTION region, or twice");
                }
                inSkeleton = true;
                hadSkeleton = true;
            } else if (end.matches()) {
                if (openId == null || !openId.equals(end.group(1))) {
                    throw new MarkerException(file, i + 1, "END " + end.group(1) + " does not close "
                            + (openId == null ? "any region" : "SOLUTION " + openId));
                }
                if (!hadSkeleton) {
                    out.add(indent + "throw new NotStartedException(\"" + openId + "\");");
                }
                openId = null;
                inSkeleton = false;
            } else if (openId == null) {
                out.add(line);
            } else if (inSkeleton) {
                Matcher commented = COMMENTED.matcher(line);
                if (line.isBlank()) {
                    out.add("");
                } else if (commented.matches()) {
                    out.add(commented.group(3).isEmpty() ? "" : commented.group(1) + commented.group(3));
                } else {
                    throw new MarkerException(file, i + 1,
                            "a SKELETON line must be a // comment in the reference: " + line.strip());
                }
            }
        }
        if (openId != null) {
            throw new MarkerException(file, openedAt, "SOLUTION " + openId + " is never closed by END " + openId);
        }
        return String.join("\n", out);
    }

    /** Each chapter: {@code solutions/<chapter>} paired with {@code chapters/<chapter>}. */
    static List<String> chapterNames(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("solutions"))) {
            return dirs.filter(d -> Files.isDirectory(d.resolve(SOURCES)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every skeleton file the generator makes, by its path relative to the root. */
    public static Map<Path, String> expected(Path root) {
        Map<Path, String> files = new TreeMap<>();
        for (String chapter : chapterNames(root)) {
            Path from = root.resolve("solutions").resolve(chapter).resolve(SOURCES);
            Path to = Path.of("chapters", chapter, SOURCES);
            for (Path source : javaFiles(from)) {
                Path relative = from.relativize(source);
                files.put(to.resolve(relative), skeletonOf(root.relativize(source), read(source)));
            }
        }
        return files;
    }

    /** Every skeleton file committed now, by its path relative to the root. */
    public static Map<Path, String> actual(Path root) {
        Map<Path, String> files = new TreeMap<>();
        for (String chapter : chapterNames(root)) {
            Path dir = root.resolve("chapters").resolve(chapter).resolve(SOURCES);
            if (Files.isDirectory(dir)) {
                for (Path source : javaFiles(dir)) {
                    files.put(root.relativize(source), read(source));
                }
            }
        }
        return files;
    }

    /**
     * What differs between the generated and the committed skeletons, one problem per line (the
     * first differing line of each file); empty when they agree.
     */
    public static List<String> drift(Path root) {
        Map<Path, String> expected = expected(root);
        Map<Path, String> actual = actual(root);
        List<String> problems = new ArrayList<>();
        for (var e : expected.entrySet()) {
            String have = actual.get(e.getKey());
            if (have == null) {
                problems.add(e.getKey() + ": missing from the skeleton");
            } else if (!have.equals(e.getValue())) {
                problems.add(e.getKey() + ": " + firstDifference(e.getValue(), have));
            }
        }
        for (Path p : actual.keySet()) {
            if (!expected.containsKey(p)) {
                problems.add(p + ": in the skeleton but not in the reference");
            }
        }
        return problems;
    }

    static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String h = i < have.length ? have[i] : "<end of file>";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " should be [" + w.strip() + "] but is [" + h.strip() + "]";
            }
        }
        return "differs";
    }

    /** Rewrites every chapter's skeleton; deletes skeleton files the reference no longer has. */
    public static void write(Path root) throws IOException {
        Map<Path, String> expected = expected(root);
        for (Path stale : actual(root).keySet()) {
            if (!expected.containsKey(stale)) {
                Files.delete(root.resolve(stale));
            }
        }
        for (var e : expected.entrySet()) {
            Path target = root.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, with {@code \r\n} as {@code \n}. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length == 0 ? "--check" : args[0];
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        switch (mode) {
            case "--write" -> {
                write(root);
                System.out.println("Skeletons rewritten from solutions/ under " + root);
            }
            case "--check" -> {
                List<String> problems = drift(root);
                if (problems.isEmpty()) {
                    System.out.println("Skeletons match their reference solutions.");
                } else {
                    System.err.println("The skeleton has drifted from the reference solution:");
                    problems.forEach(p -> System.err.println("  " + p));
                    System.err.println("Regenerate with: java verification/src/main/java/workbook/verification/Skeletons.java --write");
                    System.exit(1);
                }
            }
            default -> {
                System.err.println("usage: java verification/src/main/java/workbook/verification/Skeletons.java [--check|--write] [root]");
                System.exit(2);
            }
        }
    }
}
