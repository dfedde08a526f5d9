package workbook.grading;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workbook.junit.CompileProblems;

/**
 * Compiles one student's sources with the Eclipse compiler in {@code -proceedOnError} mode, in the
 * grader's own JVM (warm after the first student): a method or type that does not compile becomes
 * one that throws {@code java.lang.Error: Unresolved compilation problem: …} when it is used, and the
 * rest of the code works, so a compile error costs only what it touches.
 */
final class Compiler {

    /** The language level the chapter's build compiles at. */
    static final String RELEASE = "21";

    private Compiler() {
    }

    /** One compile error, its file relative to the sources' root (with {@code /}). */
    record Problem(String file, int line, String message) {

        String describe() {
            return file + ":" + line + ": " + message;
        }
    }

    /**
     * Compiles {@code files} (under {@code sources}) into {@code classes}; writes the compiler's
     * output to {@code log} ({@code .txt}) and its XML log next to it, and returns its errors.
     */
    static List<Problem> compile(Path sources, List<Path> files, Path classes, List<Path> classPath, Path log)
            throws IOException {
        Files.createDirectories(classes);
        Path xml = log.resolveSibling(log.getFileName().toString().replaceAll("\\.[^.]*$", "") + ".xml");
        if (files.isEmpty()) {
            Files.writeString(log, "no source files to compile\n", StandardCharsets.UTF_8);
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("--release", RELEASE, "-proceedOnError", "-encoding", "UTF-8", "-g",
                "-nowarn", "-d", classes.toString(), "-log", xml.toString()));
        if (!classPath.isEmpty()) {
            args.add("-classpath");
            args.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        }
        files.forEach(f -> args.add(f.toString()));
        StringWriter out = new StringWriter();
        org.eclipse.jdt.internal.compiler.batch.Main ecj = new org.eclipse.jdt.internal.compiler.batch.Main(
                new PrintWriter(out), new PrintWriter(out), false, null, null);
        ecj.compile(args.toArray(String[]::new));
        Files.writeString(log, out.toString(), StandardCharsets.UTF_8);
        return problems(xml, sources);
    }

    /** The errors of an Eclipse compiler XML log, warnings left out, with files relative to {@code sources}. */
    static List<Problem> problems(Path xml, Path sources) throws IOException {
        return CompileProblems.errorsIn(xml).stream()
                .map(p -> new Problem(relative(p.file(), sources), p.line(), p.message())).toList();
    }

    private static String relative(String source, Path sources) {
        if (source == null) {
            return "?";
        }
        Path p = Path.of(source);
        return p.isAbsolute() && p.startsWith(sources) ? Kit.slashed(sources.relativize(p)) : source.replace(File.separatorChar, '/');
    }
}
