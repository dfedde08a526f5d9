package workbook.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Code that does not compile, as the student's run sees it. The student's module is compiled by
 * the Eclipse compiler with {@code -proceedOnError}: a method (or type) that does not compile
 * becomes one that throws {@code java.lang.Error: Unresolved compilation problem: …} when it is
 * called, and everything else works. Two views of the same problems:
 * <ul>
 *   <li>{@link #fromLog}: the compiler's own list, from the XML log it writes with {@code -log}
 *       (every problem, file and line, whether a test reaches it or not);</li>
 *   <li>{@link #fromThrown}: the problem a test ran into, from the error's message and the frame
 *       that threw it (all there is in an IDE run or the watch, which have no log to read).</li>
 * </ul>
 */
public final class CompileProblems {

    /** The start of the message of the error a broken method throws. */
    static final String UNRESOLVED = "Unresolved compilation problem";

    private CompileProblems() {
    }

    /**
     * One compile error.
     *
     * @param file the source file, absolute as the compiler named it, or relative to a source root
     * @param line 1-based
     * @param message the compiler's message
     */
    public record Problem(String file, int line, String message) {

        /** {@code file:line: message}, with {@code file} as given. */
        public String describe(String shownFile) {
            return shownFile + ":" + line + ": " + message;
        }
    }

    /**
     * The errors of an Eclipse compiler XML log ({@code ecj -log file.xml}); warnings are left out.
     * Empty when the log does not exist, or when it is older than a class file it lists (the code
     * was compiled again since, by another compiler).
     *
     * @throws IOException when the log cannot be read or parsed
     */
    public static List<Problem> fromLog(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        long written = Files.getLastModifiedTime(log).toMillis();
        Log read = read(log);
        for (Path classFile : read.classFiles()) {
            if (Files.isRegularFile(classFile) && Files.getLastModifiedTime(classFile).toMillis() > written + 1000) {
                return List.of(); // recompiled since the log was written: the log is stale
            }
        }
        return read.errors().stream().filter(p -> p.file() != null).toList();
    }

    /**
     * Every error of an Eclipse compiler XML log just written, in its order, warnings left out; an
     * error that belongs to no source file has a null {@code file}. Empty when there is no log.
     *
     * @throws IOException when the log cannot be read or parsed
     */
    public static List<Problem> errorsIn(Path log) throws IOException {
        return Files.isRegularFile(log) ? read(log).errors() : List.of();
    }

    private record Log(List<Problem> errors, List<Path> classFiles) {
    }

    private static Log read(Path log) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Path> classFiles = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(log)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String source = null;
            int line = 0;
            boolean error = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "source" -> source = xml.getAttributeValue(null, "path");
                    case "problem" -> {
                        error = "ERROR".equals(xml.getAttributeValue(null, "severity"));
                        String at = xml.getAttributeValue(null, "line");
                        line = at == null ? 0 : Integer.parseInt(at);
                    }
                    case "message" -> {
                        if (error) {
                            problems.add(new Problem(source, line, xml.getAttributeValue(null, "value")));
                        }
                        error = false;
                    }
                    case "classfile" -> classFiles.add(Path.of(xml.getAttributeValue(null, "path")));
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("cannot read the compiler's log " + log + ": " + e.getMessage(), e);
        }
        return new Log(problems, classFiles);
    }

    /**
     * The compile problem a test ran into: the first {@code Unresolved compilation problem} error in
     * {@code thrown}'s causes, with the file (relative to its source root, as the package makes it)
     * and line of the frame that threw it and the compiler's first message.
     */
    public static Optional<Problem> fromThrown(Throwable thrown) {
        return firstUnresolved(thrown).map(e -> {
            String[] lines = e.getMessage().split("\n");
            String message = lines.length > 1 ? lines[1].strip() : lines[0];
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length == 0) {
                return new Problem("?", 0, message);
            }
            StackTraceElement top = trace[0];
            String pkg = top.getClassName().contains(".")
                    ? top.getClassName().substring(0, top.getClassName().lastIndexOf('.')).replace('.', '/') + "/" : "";
            String file = top.getFileName() == null ? top.getClassName().replace('.', '/') + ".java" : pkg + top.getFileName();
            return new Problem(file, Math.max(0, top.getLineNumber()), message);
        });
    }

    /** The first compiler's stand-in error among the causes and suppressed exceptions, {@code thrown} included. */
    private static Optional<Error> firstUnresolved(Throwable thrown) {
        return workbook.CauseChain.find(thrown,
                t -> t instanceof Error e && e.getMessage() != null && e.getMessage().startsWith(UNRESOLVED))
                .map(Error.class::cast);
    }
}
