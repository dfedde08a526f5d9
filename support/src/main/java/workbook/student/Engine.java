package workbook.student;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.junit.CompileProblems;

/**
 * The watch's warm path from a saved file to a verdict, in this JVM: the Eclipse compiler's batch
 * compiler with {@code -proceedOnError} (as the student's Maven run compiles, so a compile error
 * costs only what it breaks), then the exercise's tests through the JUnit Platform launcher, in a
 * class loader made for the run. That loader loads the student's classes, the tests and the
 * workbook's machinery afresh, so a recompiled class is the one that runs and the machinery's
 * per-run state (an exercise that timed out, the property kit's saved failures) starts clean,
 * while JUnit, AssertJ and the JDK stay loaded and warm. The same extensions, listener and
 * {@code junit-platform.properties} (timeouts included) apply as in Maven's run, from the test
 * classes Maven compiled.
 */
public final class Engine {

    /**
     * How one test ended, as the watch shows it.
     *
     * @param status {@code passed}, {@code failed}, {@code does not compile}, {@code not started} or {@code skipped}
     * @param stub for {@code not started}: the exercise whose stub the test reached
     */
    public record TestResult(String test, String exercise, String status, String message, String stub) {
    }

    /** One run: the compiler's errors (all files), the tests' results, and the times spent. */
    public record Run(List<CompileProblems.Problem> problems, List<TestResult> tests, long compileMillis, long testMillis) {
    }

    private final Path sources;
    private final Path testClasses;
    private final Path out;
    private final Path log;
    private final Map<String, String> settings;
    private final String classpath;
    private final Map<String, List<CompileProblems.Problem>> problems = new java.util.LinkedHashMap<>();
    private final List<URL> libraries;
    private boolean compiledOnce;

    Engine(Chapter chapter) {
        this(chapter.sources, chapter.testClasses, chapter.dir.resolve("target/workbook-watch"),
                chapter.settings(chapter.dir.resolve("target/workbook-watch/reports"),
                        chapter.dir.resolve("target/workbook-watch/compile.xml")));
    }

    /**
     * @param sources the tree to compile (every {@code .java} under it)
     * @param testClasses the chapter's compiled tests, with their resources
     * @param work a folder of the engine's own, for classes, the compiler's log and reports
     * @param settings system properties the machinery reads during a run (the chapter's Surefire settings)
     */
    public Engine(Path sources, Path testClasses, Path work, Map<String, String> settings) {
        this(sources, testClasses, work, settings, List.of());
    }

    /**
     * As {@link #Engine(Path, Path, Path, Map)}, with the chapter's own libraries (and the workbook's
     * support classes) that this JVM does not have: compiled against, and loaded in each run's class
     * loader. The instructor's checks pass the chapter's test class path here.
     */
    public Engine(Path sources, Path testClasses, Path work, Map<String, String> settings, List<Path> libraries) {
        this.sources = sources;
        this.libraries = libraries.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toList();
        this.testClasses = testClasses;
        this.out = work.resolve("classes");
        this.log = work.resolve("compile.xml");
        this.settings = new java.util.HashMap<>(settings);
        this.settings.put("workbook.compileLog", log.toString());
        List<String> entries = new ArrayList<>();
        ClassLoader tool = Engine.class.getClassLoader();
        if (tool instanceof URLClassLoader urls) {
            for (URL u : urls.getURLs()) {
                entries.add(Path.of(java.net.URI.create(u.toString())).toString());
            }
        } else {
            entries.addAll(List.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(java.io.File.pathSeparator)));
        }
        libraries.forEach(p -> entries.add(p.toString()));
        this.classpath = String.join(java.io.File.pathSeparator, entries);
    }

    /** Compiles every source of the tree; the compiler's errors. */
    public List<CompileProblems.Problem> compile() {
        try {
            deleteTree(out);
            Files.createDirectories(out);
            ecj(classpath, log, sources.toString());
            problems.clear();
            for (CompileProblems.Problem p : CompileProblems.fromLog(log)) {
                problems.computeIfAbsent(key(p.file()), k -> new ArrayList<>()).add(p);
            }
            compiledOnce = true;
            return all();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles the files that changed, against the classes of the last compile, and keeps the other
     * files' errors from then; compiles everything on the first call, when the changes are unknown
     * (an empty set) or when a file was deleted. A file's body is all a save usually changes; a change
     * of a signature that other files use shows in the tests as a linkage error, and {@link #run}
     * then compiles everything and runs again.
     */
    public List<CompileProblems.Problem> compile(Set<Path> changed) {
        List<Path> files = changed.stream().filter(p -> p.toString().endsWith(".java")).toList();
        if (!compiledOnce || files.isEmpty() || files.stream().anyMatch(p -> !Files.isRegularFile(p))) {
            return compile();
        }
        try {
            Path partial = log.resolveSibling("compile-changed.xml");
            List<String> args = new ArrayList<>();
            files.forEach(f -> args.add(f.toAbsolutePath().normalize().toString()));
            ecj(out + java.io.File.pathSeparator + classpath, partial, args.toArray(String[]::new));
            files.forEach(f -> problems.remove(key(f.toString())));
            for (CompileProblems.Problem p : CompileProblems.fromLog(partial)) {
                problems.computeIfAbsent(key(p.file()), k -> new ArrayList<>()).add(p);
            }
            Files.copy(partial, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return all();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ecj(String path, Path logFile, String... inputs) {
        List<String> args = new ArrayList<>(List.of("--release", "21", "-encoding", "UTF-8", "-proceedOnError", "-nowarn",
                "-g", "-preserveAllLocals", "-d", out.toString(), "-cp", path, "-log", logFile.toString()));
        args.addAll(List.of(inputs));
        StringWriter messages = new StringWriter();
        PrintWriter writer = new PrintWriter(messages);
        BatchCompiler.compile(args.toArray(String[]::new), writer, writer, null);
    }

    private static String key(String file) {
        return Path.of(file).toAbsolutePath().normalize().toString();
    }

    private List<CompileProblems.Problem> all() {
        return problems.values().stream().flatMap(List::stream).toList();
    }

    /** Compiles everything, then runs the tests tagged {@code exercise}. */
    public Run run(String exercise) {
        return run(exercise, Set.of());
    }

    /** Compiles what {@code changed} names ({@link #compile(Set)}), then runs the tests tagged {@code exercise}. */
    public Run run(String exercise, Set<Path> changed) {
        long start = System.nanoTime();
        List<CompileProblems.Problem> found = compile(changed);
        long compiled = System.nanoTime();
        List<TestResult> tests = test(exercise);
        if (!changed.isEmpty() && tests.stream().anyMatch(t -> LINKAGE.matcher(t.message()).find())) {
            found = compile(); // a signature changed under classes compiled against the old one
            compiled = System.nanoTime();
            tests = test(exercise);
        }
        long tested = System.nanoTime();
        return new Run(found, tests, (compiled - start) / 1_000_000, (tested - compiled) / 1_000_000);
    }

    private static final java.util.regex.Pattern LINKAGE = java.util.regex.Pattern.compile(
            "java\\.lang\\.(NoSuchMethodError|NoSuchFieldError|IncompatibleClassChangeError|AbstractMethodError|NoClassDefFoundError)");

    /** Runs the tests that {@code tags} (a JUnit tag expression, such as {@code 4.1a} or {@code 4.3d | 4.3e}) selects. */
    public List<TestResult> test(String tags) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        Properties saved = (Properties) System.getProperties().clone();
        ConcurrentLinkedQueue<TestResult> results = new ConcurrentLinkedQueue<>();
        List<URL> urls = new ArrayList<>();
        try {
            urls.addAll(List.of(out.toUri().toURL(), testClasses.toUri().toURL()));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        urls.addAll(libraries);
        try (URLClassLoader loader = new FreshLoader(urls.toArray(URL[]::new), Engine.class.getClassLoader())) {
            settings.forEach(System::setProperty);
            System.setProperty(workbook.junit.ProgressListener.QUIET, "true");
            thread.setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create();
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(TagFilter.includeTags(tags))
                    .build();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionSkipped(TestIdentifier test, String reason) {
                    if (test.isTest()) {
                        results.add(new TestResult(name(test), exerciseOf(test), "skipped", reason, ""));
                    }
                }

                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    Throwable thrown = result.getThrowable().orElse(null);
                    if (!test.isTest() && result.getStatus() != TestExecutionResult.Status.FAILED) {
                        return;
                    }
                    String status = switch (result.getStatus()) {
                        case SUCCESSFUL -> "passed";
                        case FAILED -> CompileProblems.fromThrown(thrown).isPresent() ? "does not compile" : "failed";
                        case ABORTED -> thrown != null && thrown.getClass().getName().equals("workbook.junit.NotStartedAbort")
                                ? "not started" : "skipped";
                    };
                    results.add(new TestResult(name(test), exerciseOf(test), status,
                            thrown == null || thrown.getMessage() == null ? "" : thrown.getMessage(), stubOf(thrown)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(context);
            System.setProperties(saved);
        }
        return List.copyOf(results);
    }

    /** The exercise of the stub a "not started" test reached (the machinery's NotStartedAbort, of another class loader). */
    private static String stubOf(Throwable thrown) {
        if (thrown == null || !thrown.getClass().getName().equals("workbook.junit.NotStartedAbort")) {
            return "";
        }
        try {
            return (String) thrown.getClass().getMethod("exerciseId").invoke(thrown);
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static String name(TestIdentifier test) {
        String source = test.getSource().map(Object::toString).orElse("");
        int c = source.indexOf("className = '");
        int m = source.indexOf("methodName = '");
        if (c < 0 || m < 0) {
            return test.getDisplayName();
        }
        String cls = source.substring(c + 13, source.indexOf('\'', c + 13));
        return cls.substring(cls.lastIndexOf('.') + 1) + "#" + source.substring(m + 14, source.indexOf('\'', m + 14));
    }

    private static String exerciseOf(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).filter(t -> t.matches("\\d+\\.\\d+[a-z]")).findFirst().orElse("-");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Loads the chapter's classes and the workbook's machinery itself (child first), everything else
     * (JUnit, AssertJ, picocli, the JDK) from the tool's loader. The student command's own classes
     * ({@code workbook.student}, {@code workbook.regions}) stay the tool's.
     */
    static final class FreshLoader extends URLClassLoader {

        FreshLoader(URL[] chapter, ClassLoader tool) {
            super("workbook-run", withSupport(chapter, tool), tool);
        }

        private static URL[] withSupport(URL[] chapter, ClassLoader tool) {
            List<URL> urls = new ArrayList<>(List.of(chapter));
            if (tool instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if (url.toString().contains("support/target/classes") || url.toString().contains("workbook-support")) {
                        urls.add(url);
                    }
                }
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            boolean mine = (name.startsWith("workbook.") && !name.startsWith("workbook.student.")
                    && !name.startsWith("workbook.regions.")) || !name.contains(".") || isChapter(name);
            if (!mine) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notMine) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private boolean isChapter(String name) {
            return findResource(name.replace('.', '/') + ".class") != null && !name.startsWith("java.")
                    && !name.startsWith("org.junit.") && !name.startsWith("org.assertj.") && !name.startsWith("org.opentest4j.");
        }
    }
}
