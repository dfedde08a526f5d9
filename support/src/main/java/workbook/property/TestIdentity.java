package workbook.property;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which test a property belongs to, so that its name, its seed, its saved failure and the replay
 * command in its report all point at the test that ran it.
 *
 * <p>Inside JUnit, JUnit says: {@link PropertyExtension} wraps every test invocation and records
 * its concrete class and method here, so a property is named after the test whatever calls
 * {@code forAll} (a helper class, a lambda, a default method of a contract interface that two
 * test classes inherit). The record is an {@link InheritableThreadLocal}: JUnit's
 * {@code SEPARATE_THREAD} timeout mode runs the test body on a thread of its own, created for
 * that invocation, and a thread inherits the record when it is created, whichever thread JUnit
 * sets it on. A record is marked ended when its invocation returns, so a thread that outlives
 * its test does not lend the test's name to a later property.
 *
 * <p>Outside JUnit, or where the extension is not registered, the stack is the only witness: the
 * method JUnit invoked by reflection, or else the caller of {@code forAll}. That guess is checked
 * before a report prints it as {@code -Dtest}: a class that is abstract, an interface or has no
 * such test method would select nothing.
 */
final class TestIdentity {
    private static final InheritableThreadLocal<Invocation> CURRENT = new InheritableThreadLocal<>();
    private static final String TESTABLE = "org.junit.platform.commons.annotation.Testable";

    private TestIdentity() {
    }

    /**
     * One invocation of a test, as JUnit runs it. It also remembers the names of the properties
     * run in it, because two properties of one name in one test would share a saved failure and a
     * seed: the second would overwrite the first's failure, and a replay could not tell them apart.
     */
    static final class Invocation {
        final TestId test;
        private final Set<String> names = new HashSet<>();
        private volatile boolean ended;

        Invocation(TestId test) {
            this.test = test;
        }

        /** Takes {@code name} for one property of this invocation; a second property of that name is an error. */
        synchronized void claim(String name) {
            if (!names.add(name)) {
                throw new IllegalStateException("Two properties in " + test.propertyName() + " are both named \"" + name
                        + "\": a property's name keys its saved failure and its seed, so the second would overwrite"
                        + " the first's. Give each its own name with .named(\"…\").");
            }
        }
    }

    /** Code that runs as one test invocation. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Throwable;
    }

    /** Runs {@code body} as the test {@code test}: properties made in it, also on threads it starts, belong to that test. */
    static <T> T during(TestId test, Body<T> body) throws Throwable {
        Invocation previous = CURRENT.get();
        Invocation invocation = new Invocation(test);
        CURRENT.set(invocation);
        try {
            return body.run();
        } finally {
            invocation.ended = true;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The test invocation running on this thread, or null outside one. */
    static Invocation invocation() {
        Invocation current = CURRENT.get();
        return current == null || current.ended ? null : current;
    }

    /** The test a property made now belongs to: as JUnit said, else as the stack suggests. */
    static TestId current() {
        Invocation current = invocation();
        return current != null ? current.test : fromStack();
    }

    /**
     * The stack's guess: inside JUnit, the method JUnit invoked by reflection (for a lambda, its
     * enclosing method); outside it, the caller of {@code Property.forAll}.
     */
    static TestId fromStack() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.dropWhile(f -> f.getDeclaringClass() != Property.class)
                        .dropWhile(f -> f.getDeclaringClass() == Property.class)
                        .toList());
        if (frames.isEmpty()) {
            return new TestId("?", "?", "", false);
        }
        StackWalker.StackFrame frame = frames.get(0);
        for (int i = 0; i + 1 < frames.size(); i++) {
            if (invokesTests(frames.get(i + 1).getClassName())) {
                frame = frames.get(i);
                break;
            }
        }
        Class<?> type = frame.getDeclaringClass();
        String method = frame.getMethodName();
        if (method.startsWith("lambda$")) { // lambda$should_read$0: the lambda's enclosing method
            String[] parts = method.split("\\$");
            method = parts.length > 1 ? parts[1] : method;
        }
        return new TestId(TestId.binaryName(type), method, "", isTest(type, method));
    }

    /** Whether a frame of this class means the frame above it was invoked as a test. */
    private static boolean invokesTests(String className) {
        return className.startsWith("java.lang.reflect.") || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("org.junit.");
    }

    /**
     * Whether {@code -Dtest=type#method} runs a test: a concrete class with a method of that name,
     * its own or inherited, that JUnit runs ({@code @Test}, {@code @ParameterizedTest}, …: their
     * annotations are all marked {@code @Testable}). Compared by name, so the kit needs no JUnit
     * outside JUnit.
     */
    static boolean isTest(Class<?> type, String method) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        List<Class<?>> types = new ArrayList<>();
        types.add(type);
        for (int i = 0; i < types.size(); i++) {
            Class<?> t = types.get(i);
            for (Method m : t.getDeclaredMethods()) {
                if (m.getName().equals(method) && testable(m)) {
                    return true;
                }
            }
            if (t.getSuperclass() != null) {
                types.add(t.getSuperclass());
            }
            types.addAll(List.of(t.getInterfaces()));
        }
        return false;
    }

    /** Whether {@code m} carries {@code @Testable}, at any depth of meta-annotation ({@code @ParameterizedTest} has it through {@code @TestTemplate}). */
    private static boolean testable(Method m) {
        List<Class<? extends Annotation>> types = new ArrayList<>();
        for (Annotation a : m.getAnnotations()) {
            types.add(a.annotationType());
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).getName().equals(TESTABLE)) {
                return true;
            }
            for (Annotation meta : types.get(i).getAnnotations()) {
                if (!types.contains(meta.annotationType())) {
                    types.add(meta.annotationType());
                }
            }
        }
        return false;
    }
}
