package workbook.property;

/**
 * The test a property runs in, as Surefire's {@code -Dtest=ClassName#method} selects it. The class
 * is named by its binary name without the package ({@code Outer$Inner} for a nested class), the
 * form {@code -Dtest} matches. By default a property is named after its test, and the name seeds
 * its tries and keys its saved failure.
 *
 * @param testClass  the class JUnit runs the test in: the concrete test class, also when the
 *                   method is inherited from a contract
 * @param method     the test method
 * @param invocation {@code ""}, or which run of a parameterized, repeated or dynamic test:
 *                   {@code "[2]"}; {@code -Dtest} selects them all, so the replay runs the one
 *                   that failed too
 * @param runnable   whether {@code -Dtest=testClass#method} runs a test; only false when the
 *                   test was guessed from the stack (outside JUnit, or without the kit's
 *                   extension) and the guess is not a test
 */
record TestId(String testClass, String method, String invocation, boolean runnable) {

    /** {@code ClassName#method}, the value of {@code -Dtest}. */
    String selector() {
        return testClass + "#" + method;
    }

    /** The default name of a property run in this test: its selector and invocation. */
    String propertyName() {
        return selector() + invocation;
    }

    /** A class's name as {@code -Dtest} matches it: {@code Outer$Inner}, no package. */
    static String binaryName(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.isEmpty() ? type.getName() : type.getName().substring(pkg.length() + 1);
    }
}
