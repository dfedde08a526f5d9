package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loading order the grader controls: the kit, the JUnit machinery and the libraries come
 * from the parent (the test JVM's class path, which holds no student code), and this loader defines
 * only classes of the exercise packages ({@code ch04.*}), the chapter's tests first, the student's
 * classes after them.
 *
 * <ul>
 *   <li>A class outside the exercise packages is always the parent's: a student's
 *       {@code workbook.property.Checker3}, {@code org.junit…} or {@code org.assertj…} is never
 *       defined, whatever folder it is in (the grader also refuses such files before compiling).</li>
 *   <li>A class of the tests is always the tests': a student's class of the same name (a test
 *       class, a contract, a helper) is never defined either.</li>
 *   <li>Resources (the catalogue, {@code junit-platform.properties}, service files) come from the
 *       parent and the tests, never from the student's classes.</li>
 * </ul>
 * The tests and the student's classes share this loader, so the tests reach package-private code
 * as they do in the student's own run.
 */
final class GradingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Path tests;
    private final Path student;
    private final List<String> packages;
    private final ProtectionDomain testsDomain;
    private final ProtectionDomain studentDomain;

    /**
     * @param packages the exercise packages' prefixes, such as {@code ch04.}
     */
    GradingClassLoader(Path tests, Path student, List<String> packages, ClassLoader parent) {
        super("grading", parent);
        this.tests = tests;
        this.student = student;
        this.packages = List.copyOf(packages);
        this.testsDomain = domain(tests);
        this.studentDomain = domain(student);
    }

    private ProtectionDomain domain(Path folder) {
        try {
            return new ProtectionDomain(new CodeSource(folder.toUri().toURL(), (CodeSigner[]) null), null, this, null);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(folder.toString(), e);
        }
    }

    /** Whether {@code className} belongs to the exercise packages, the only classes this loader defines. */
    boolean exercisePackage(String className) {
        return packages.stream().anyMatch(className::startsWith);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!exercisePackage(name)) {
            throw new ClassNotFoundException(name + " (outside the exercise packages " + packages
                    + ": only the kit and the libraries define it)");
        }
        String file = name.replace('.', '/') + ".class";
        Path fromTests = tests.resolve(file);
        Path fromStudent = student.resolve(file);
        try {
            if (Files.isRegularFile(fromTests)) {
                byte[] bytes = Files.readAllBytes(fromTests);
                return defineClass(name, bytes, 0, bytes.length, testsDomain);
            }
            if (Files.isRegularFile(fromStudent)) {
                byte[] bytes = Files.readAllBytes(fromStudent);
                return defineClass(name, bytes, 0, bytes.length, studentDomain);
            }
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        Path file = tests.resolve(name).normalize();
        if (!file.startsWith(tests) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
}
