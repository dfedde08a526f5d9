package workbook.property;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Tells the property kit which test JUnit is running, so a property is named after that test (its
 * concrete class, also for a method inherited from a contract; whatever helper or lambda calls
 * {@code forAll}) and its report's replay command runs exactly that test.
 *
 * <p>Registered through JUnit's extension autodetection ({@code META-INF/services}, and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in the tests'
 * {@code junit-platform.properties}); a test author never names it. Without it the kit guesses
 * the test from the stack and prints a replay command only where the guess is a test.
 */
public final class PropertyExtension implements InvocationInterceptor {
    private static final Pattern INVOCATION = Pattern.compile("\\[(?:test-template-invocation|dynamic-container|dynamic-test):#(\\d+)]");

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        proceedAs(context, invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        proceedAs(context, invocation);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext call,
            ExtensionContext context) throws Throwable {
        proceedAs(context, invocation);
    }

    private static void proceedAs(ExtensionContext context, Invocation<Void> invocation) throws Throwable {
        Optional<TestId> test = testOf(context);
        if (test.isPresent()) {
            TestIdentity.during(test.get(), invocation::proceed);
        } else {
            invocation.proceed();
        }
    }

    /** The test of {@code context}: its class and method, from the nearest context that has them (a dynamic test's factory). */
    static Optional<TestId> testOf(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<Class<?>> type = c.get().getTestClass();
            Optional<Method> method = c.get().getTestMethod();
            if (type.isPresent() && method.isPresent()) {
                return Optional.of(new TestId(TestId.binaryName(type.get()), method.get().getName(),
                        invocationOf(context.getUniqueId()), true));
            }
        }
        return Optional.empty();
    }

    /** "[2]" for the second run of a parameterized or repeated test, "[1][3]" for a dynamic test in a container, else "". */
    static String invocationOf(String uniqueId) {
        StringBuilder out = new StringBuilder();
        Matcher m = INVOCATION.matcher(uniqueId);
        while (m.find()) {
            out.append('[').append(m.group(1)).append(']');
        }
        return out.toString();
    }
}
