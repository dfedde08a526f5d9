package workbook.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a student's {@code src/main/java} the grader takes: the Java sources of the exercise
 * packages, and nothing else. The rest is refused with the reason (a file that could shadow the kit,
 * the tests or a library is the point), or ignored when it cannot matter (not a Java source).
 *
 * <p>Refused:
 * <ul>
 *   <li>a {@code .java} file outside the exercise packages' folder ({@code workbook/property/Checker3.java});</li>
 *   <li>a {@code .java} file whose {@code package} line names another package than its folder
 *       (one in {@code ch04/} that declares {@code package workbook.property;});</li>
 *   <li>a symbolic link (it could point anywhere, the reference solutions included);</li>
 *   <li>a source larger than {@value #MAX_BYTES} bytes.</li>
 * </ul>
 * After compiling, {@link StudentGrader} also refuses any class file outside the exercise packages
 * or named like one of the tests' classes, and the {@link GradingClassLoader} would not load them.
 */
final class Intake {

    static final long MAX_BYTES = 1 << 20;
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** One file not taken, and why. */
    record Refused(String file, String reason) {
    }

    /** What was taken, refused and ignored; paths relative to the sources' root, with {@code /}. */
    record Result(List<String> accepted, List<Refused> refused, List<String> ignored) {
    }

    private Intake() {
    }

    static Result scan(Path sources, String packageFolder) throws IOException {
        List<String> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String packageName = packageFolder.substring(0, packageFolder.length() - 1).replace('/', '.');
        Files.walkFileTree(sources, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(sources) && Files.isSymbolicLink(dir)) {
                    refused.add(new Refused(relative(dir) + "/", "a symbolic link: only plain files and folders are graded"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(file);
                if (attrs.isSymbolicLink() || Files.isSymbolicLink(file)) {
                    refused.add(new Refused(rel, "a symbolic link: only plain files are graded"));
                } else if (!rel.endsWith(".java")) {
                    if (!file.getFileName().toString().startsWith(".")) {
                        ignored.add(rel);
                    }
                } else if (!rel.startsWith(packageFolder)) {
                    refused.add(new Refused(rel, "outside the exercise packages (" + packageName + ".*): not compiled,"
                            + " and no class of the kit, the tests or a library can be replaced"));
                } else if (Files.size(file) > MAX_BYTES) {
                    refused.add(new Refused(rel, "larger than " + MAX_BYTES + " bytes"));
                } else {
                    String declared = declaredPackage(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
                    String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')).replace('/', '.') : "";
                    if (!declared.equals(folder)) {
                        refused.add(new Refused(rel, "declares package " + (declared.isEmpty() ? "(none)" : declared)
                                + " in the folder of " + folder + ": not compiled"));
                    } else {
                        accepted.add(rel);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                refused.add(new Refused(relative(file), "cannot be read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }

            private String relative(Path p) {
                return Kit.slashed(sources.relativize(p));
            }
        });
        accepted.sort(null);
        return new Result(accepted, refused, ignored);
    }

    /** The package a source declares ({@code ""} for none); comments before it are skipped. */
    static String declaredPackage(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "";
    }
}
