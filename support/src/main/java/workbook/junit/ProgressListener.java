package workbook.junit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import workbook.Rerun;
import workbook.regions.Regions;
import workbook.regions.Tree;

/**
 * Collects how each exercise's tests ended and, when the run is over, prints the progress table
 * with the next exercise to do, and writes it (Markdown) and the raw results (TSV) next to
 * Surefire's reports. Registered for every JUnit Platform run through {@code META-INF/services};
 * it stays silent where there is no catalogue on the class path.
 *
 * <p>In the student's runs (where the chapter's Surefire settings name them) it also reads the
 * compiler's list of errors ({@value #COMPILE_LOG}), placing each in the exercise whose region
 * holds it ({@link Tree}, from the reference's {@code // SOLUTION} regions), and keeps what each
 * run found in the {@link ProgressStore}.
 */
public final class ProgressListener implements TestExecutionListener {

    /** The file with one line per test, read by the instructor's checks. */
    public static final String RESULTS_FILE = "workbook-results.tsv";
    /** The progress table in Markdown; the grader's score table. */
    public static final String TABLE_FILE = "workbook-progress.md";
    /** The system property naming the Eclipse compiler's XML log of the student's sources. */
    public static final String COMPILE_LOG = "workbook.compileLog";
    /** The system property naming the reference's source root, whose regions place a compile error. */
    public static final String REFERENCE = "workbook.reference";
    /** The system property naming the student's source root (absolute); {@code workbook.sources} is its display form. */
    public static final String SOURCE_ROOT = "workbook.sourceRoot";
    /** The system property naming the file where this run's class path is written, one entry a line, for the student command. */
    public static final String TOOL_CLASSPATH = "workbook.toolClasspath";
    /** {@code true}: print no table (the student command's watch shows its own). */
    public static final String QUIET = "workbook.quiet";

    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The test methods this run ran, by exercise ({@code class#method(parameters)}). */
    private final Map<String, Set<String>> ranMethods = new ConcurrentHashMap<>();
    private final PrintStream console = System.out;
    private Catalogue catalogue;

    /** How one test ended; {@code stub} is the exercise whose stub it reached, if it did. */
    record Result(String test, String exercise, Outcome outcome, String detail, String stub) {

        Result(String test, String exercise, Outcome outcome, String detail) {
            this(test, exercise, outcome, detail, "");
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        catalogue = Catalogue.load().orElse(null);
        String file = System.getProperty(TOOL_CLASSPATH, "");
        if (catalogue != null && !file.isBlank()) {
            // Surefire runs the tests from a manifest-only jar and names the real class path here.
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
            try {
                Files.createDirectories(Path.of(file).getParent());
                Files.writeString(Path.of(file), String.join("\n", classPath.split(java.io.File.pathSeparator)) + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                console.println("(could not write " + file + " for the student command: " + e.getMessage() + ")");
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (catalogue != null && test.isTest()) {
            record(test, Outcome.SKIPPED, reason, "");
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (catalogue == null) {
            return;
        }
        Throwable thrown = result.getThrowable().orElse(null);
        String detail = thrown == null || thrown.getMessage() == null ? "" : thrown.getMessage();
        Optional<CompileProblems.Problem> broken = CompileProblems.fromThrown(thrown);
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.PASSED;
            case FAILED -> broken.isPresent() ? Outcome.DOES_NOT_COMPILE : Outcome.FAILED;
            case ABORTED -> thrown instanceof NotStartedAbort ? Outcome.NOT_STARTED : Outcome.SKIPPED;
        };
        if (outcome == Outcome.DOES_NOT_COMPILE) {
            detail = broken.get().describe(Workbook.sourceFile(broken.get().file(), className(test)));
        }
        if (test.isTest() || outcome == Outcome.FAILED || outcome == Outcome.DOES_NOT_COMPILE) {
            // A failing container (a @BeforeAll, a class that cannot load) counts against its tests.
            record(test, outcome, detail, thrown instanceof NotStartedAbort n ? n.exerciseId() : "");
        }
    }

    private static String className(TestIdentifier test) {
        return test.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : null).orElse(null);
    }

    private void record(TestIdentifier test, Outcome outcome, String detail, String stub) {
        String exercise = Workbook.exerciseOf(test.getTags().stream().map(TestTag::getName)
                .collect(Collectors.toSet())).orElse("-");
        String name = test.getLegacyReportingName();
        String where = test.getSource().map(Object::toString).orElse(name);
        String key = test.getUniqueId();
        methodKey(test).ifPresent(m -> ranMethods.computeIfAbsent(exercise, k -> ConcurrentHashMap.newKeySet()).add(m));
        if (results.put(key, new Result(shortName(where, name), exercise, outcome, detail, stub)) == null) {
            order.add(key);
        }
    }

    /** {@code class#method(parameters)} of a test or test template, the same in every run and every discovery. */
    private static Optional<String> methodKey(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")");
    }

    /**
     * The exercises whose tests this run ran only some of, with how many of how many: the tests of
     * each exercise that ran are discovered afresh, with no selection but the exercise's tag, in the
     * classes that ran and in the test classes that hold the catalogue. Empty when that discovery
     * cannot be made (the run is then taken as whole, as before).
     */
    static Map<String, Progress.Part> partlyRun(Map<String, Set<String>> ranMethods, Set<String> ranClasses) {
        Set<String> exercises = new java.util.TreeSet<>(ranMethods.keySet());
        exercises.removeIf(e -> !Catalogue.EXERCISE_ID.matcher(e).matches());
        if (exercises.isEmpty()) {
            return Map.of();
        }
        try {
            List<DiscoverySelector> selectors = new ArrayList<>();
            ranClasses.forEach(c -> selectors.add(DiscoverySelectors.selectClass(c)));
            java.net.URL catalogue = Thread.currentThread().getContextClassLoader().getResource(Catalogue.RESOURCE);
            if (catalogue != null && catalogue.getProtocol().equals("file")) {
                Path root = Path.of(catalogue.toURI()).getParent().getParent();
                selectors.add(DiscoverySelectors.selectClasspathRoots(Set.of(root)).get(0));
            }
            LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false).enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false).build();
            TestPlan plan = LauncherFactory.create(config).discover(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors).filters(TagFilter.includeTags(List.copyOf(exercises))).build());
            Map<String, Set<String>> all = new LinkedHashMap<>();
            List<TestIdentifier> pending = new ArrayList<>(plan.getRoots());
            while (!pending.isEmpty()) {
                TestIdentifier id = pending.remove(pending.size() - 1);
                pending.addAll(plan.getChildren(id));
                Optional<String> method = methodKey(id);
                if (method.isPresent()) {
                    id.getTags().stream().map(TestTag::getName).filter(exercises::contains)
                            .forEach(e -> all.computeIfAbsent(e, k -> new java.util.HashSet<>()).add(method.get()));
                }
            }
            Map<String, Progress.Part> partly = new LinkedHashMap<>();
            all.forEach((e, methods) -> {
                Set<String> ran = ranMethods.getOrDefault(e, Set.of());
                if (!ran.containsAll(methods)) {
                    partly.put(e, new Progress.Part((int) methods.stream().filter(ran::contains).count(), methods.size()));
                }
            });
            return partly;
        } catch (RuntimeException | java.net.URISyntaxException | LinkageError unknowable) {
            return Map.of();
        }
    }

    private static String shortName(String source, String name) {
        // MethodSource[className = 'ch04.fixedbuffer.FixedBufferTest', methodName = 'x', …] -> FixedBufferTest#x
        int c = source.indexOf("className = '");
        if (c < 0) {
            return name;
        }
        String className = source.substring(c + 13, source.indexOf('\'', c + 13));
        className = className.substring(className.lastIndexOf('.') + 1);
        int m = source.indexOf("methodName = '");
        return m < 0 ? className : className + "#" + source.substring(m + 14, source.indexOf('\'', m + 14));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (catalogue == null || results.isEmpty()) {
            return;
        }
        List<Result> all;
        synchronized (order) {
            all = order.stream().map(results::get).toList();
        }
        Optional<ProgressStore> store = ProgressStore.configured();
        // Only the student's runs (with a store) select single tests; the reference's and the grader's run whole sections.
        Map<String, Progress.Part> partly = store.isPresent() ? partlyRun(ranMethods, ranClasses()) : Map.of();
        Progress progress = new Progress(catalogue, all, store.map(s -> s.load(catalogue)).orElse(Map.of()),
                compileErrors(catalogue), partly);
        if (!Boolean.getBoolean(QUIET)) {
            console.println();
            console.print(progress.consoleTable(Workbook.subject(), Workbook.sources(), Rerun.command()));
            console.flush();
        }
        try {
            if (store.isPresent()) {
                store.get().save(catalogue, progress.ranNow(), System.currentTimeMillis());
            }
            Path dir = Path.of(Workbook.reports());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TABLE_FILE), progress.markdown(Workbook.subject(), Workbook.sources()),
                    StandardCharsets.UTF_8);
            StringBuilder tsv = new StringBuilder("outcome\texercise\ttest\tstub\tdetail\n");
            for (Result r : all) {
                tsv.append(r.outcome()).append('\t').append(r.exercise()).append('\t').append(r.test()).append('\t')
                        .append(r.stub()).append('\t').append(r.detail().replaceAll("\\s+", " ")).append('\n');
            }
            Files.writeString(dir.resolve(RESULTS_FILE), tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> ranClasses() {
        Set<String> classes = new java.util.TreeSet<>();
        ranMethods.values().forEach(ms -> ms.forEach(m -> classes.add(m.substring(0, m.indexOf('#')))));
        return classes;
    }

    /**
     * The compiler's errors in the student's sources, {@code file:line: message} by the exercise whose
     * region holds them (key {@code ""}: outside every exercise). Empty when this run names no log.
     */
    static Map<String, List<String>> compileErrors(Catalogue catalogue) {
        String log = System.getProperty(COMPILE_LOG, "");
        String root = System.getProperty(SOURCE_ROOT, "");
        if (log.isBlank() || root.isBlank()) {
            return Map.of();
        }
        try {
            List<CompileProblems.Problem> problems = CompileProblems.fromLog(Path.of(log));
            if (problems.isEmpty()) {
                return Map.of();
            }
            String reference = System.getProperty(REFERENCE, "");
            Tree tree = !reference.isBlank() && Files.isDirectory(Path.of(reference)) ? Tree.of(Path.of(reference)) : null;
            return place(catalogue, tree, Path.of(root), problems);
        } catch (IOException | RuntimeException unreadable) {
            return Map.of(); // the tests' own reports still show what does not compile
        }
    }

    /** Each problem under the exercise whose region (or, failing that, whose catalogue file) holds it. */
    static Map<String, List<String>> place(Catalogue catalogue, Tree tree, Path sourceRoot, List<CompileProblems.Problem> problems)
            throws IOException {
        Map<String, List<String>> placed = new LinkedHashMap<>();
        Map<String, List<String>> files = new ConcurrentHashMap<>();
        for (CompileProblems.Problem p : problems) {
            Path file = Path.of(p.file()).toAbsolutePath().normalize();
            Path root = sourceRoot.toAbsolutePath().normalize();
            String relative = file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : p.file();
            String exercise = "";
            if (tree != null && file.startsWith(root) && Files.isRegularFile(file)) {
                List<String> lines = files.computeIfAbsent(relative, r -> Regions.lines(read(file)));
                exercise = tree.exerciseAt(relative, lines, p.line()).orElse("");
            }
            if (exercise.isEmpty()) {
                exercise = catalogue.exercises().stream().filter(e -> e.files().contains(relative)).map(Catalogue.Exercise::id)
                        .findFirst().orElse("");
            }
            String shown = file.startsWith(root) ? Workbook.sources() + "/" + relative : p.file();
            placed.computeIfAbsent(exercise, k -> new ArrayList<>()).add(p.describe(shown));
        }
        return placed;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
