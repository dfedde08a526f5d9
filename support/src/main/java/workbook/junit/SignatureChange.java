package workbook.junit;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.CauseChain;

/**
 * A test that could not reach the exercise's code because its declaration was changed: a method's
 * parameters, return type, {@code static} or access, a field, a class that was renamed or deleted.
 *
 * <p>The tests are compiled once, against the skeleton, and call the student's code through the
 * skeleton's declarations. Code whose declarations differ still compiles on its own (the grader
 * compiles only the student's sources; an IDE or a partial compile can do the same), and the JVM
 * then throws a {@link LinkageError} where a test calls it: {@link NoSuchMethodError},
 * {@link NoSuchFieldError}, {@link AbstractMethodError}, {@link IllegalAccessError} or another
 * {@link IncompatibleClassChangeError}, or a {@link NoClassDefFoundError}. Under an assertion that
 * checks something else, the raw error says nothing a student can act on; this says which
 * declaration the tests expected, read from the error itself.
 *
 * <p>Only errors about classes of the exercise packages count: a linkage error inside a library is
 * not the student's doing.
 */
final class SignatureChange {

    /** The part of a message in single quotes: {@code 'long p.A.m(int, p.S)'} or {@code 'int F'}. */
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    /** {@code long ch04.x.A.m(int)}: return type, owner, name, parameters. */
    private static final Pattern METHOD = Pattern.compile("(?:abstract )?(\\S+) (?:([\\w.$]+)\\.)?([\\w$<>]+)\\(([^)]*)\\)");
    private static final Pattern FIELD_OWNER = Pattern.compile("Class ([\\w.$]*[\\w$]) does not have member field");
    private static final Pattern OF_TYPE = Pattern.compile("of (?:interface|abstract class|class) ([\\w.$]*[\\w$])");

    private SignatureChange() {
    }

    /**
     * What the tests expected, in words, when {@code thrown} holds a linkage error about a class of
     * one of {@code packages} (such as {@code ch04.fixedbuffer}); empty otherwise.
     */
    static Optional<String> expected(Throwable thrown, Set<String> packages) {
        Optional<IncompatibleClassChangeError> change = CauseChain.find(thrown, IncompatibleClassChangeError.class);
        if (change.isPresent() && concernsExercise(change.get().getMessage(), packages)) {
            return Optional.of(describe(change.get()));
        }
        Optional<NoClassDefFoundError> missing = CauseChain.find(thrown, NoClassDefFoundError.class);
        if (missing.isPresent() && missing.get().getMessage() != null
                && !missing.get().getMessage().startsWith("Could not initialize")) {
            String type = missing.get().getMessage().replace('/', '.');
            if (inPackages(type, packages)) {
                return Optional.of("the exercise's class `" + type + "` is missing: the tests call it, and your code no"
                        + " longer declares it (a file deleted, or a class renamed or moved to another package?)."
                        + " Restore the class as the skeleton declares it. (" + missing.get() + ")");
            }
        }
        return Optional.empty();
    }

    private static String describe(IncompatibleClassChangeError error) {
        String message = error.getMessage();
        Matcher quoted = QUOTED.matcher(message);
        String why = " The tests call your code through the skeleton's declarations (names, parameter and return types,"
                + " static or not, access), so with this one changed they cannot reach it. Put the declaration back as the"
                + " skeleton has it and keep your changes inside the method. (" + error + ")";
        if (!quoted.find()) {
            return "the exercise's signature was changed: " + message + "." + why;
        }
        String inQuotes = quoted.group(1);
        Matcher method = METHOD.matcher(inQuotes);
        String expected;
        String owner;
        if (method.matches()) {
            owner = method.group(2) != null ? method.group(2) : group(OF_TYPE, message);
            String name = method.group(3).equals("<init>") ? "new " + simple(owner) : method.group(3);
            expected = "`" + name + "(" + simpleParameters(method.group(4)) + ")`"
                    + (method.group(3).equals("<init>") || method.group(1).equals("void") ? ""
                            : " returning `" + simple(method.group(1)) + "`");
        } else {
            owner = group(FIELD_OWNER, message);
            String[] typeAndName = inQuotes.split(" ", 2);
            expected = typeAndName.length == 2
                    ? "the field `" + typeAndName[1] + "` of type `" + simple(typeAndName[0]) + "`" : "`" + inQuotes + "`";
        }
        String in = owner == null ? "" : " in `" + simple(owner) + "`";
        String what;
        if (error instanceof AbstractMethodError) {
            what = expected + in + " to be implemented";
        } else if (error instanceof IllegalAccessError) {
            what = expected + in + " to be accessible to the tests, as in the skeleton (your code made it "
                    + (message.contains("private") ? "private" : "less visible") + ")";
        } else if (message.startsWith("Expected static")) {
            what = expected + in + " to be static";
        } else if (message.startsWith("Expecting non-static")) {
            what = expected + in + " to be an instance method, not static";
        } else {
            what = expected + in;
        }
        return "the exercise's signature was changed: expected " + what + "." + why;
    }

    private static boolean concernsExercise(String message, Set<String> packages) {
        if (message == null) {
            return false;
        }
        for (String p : packages) {
            if (Pattern.compile("(?<![\\w.$])" + Pattern.quote(p) + "\\.").matcher(message).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inPackages(String type, Set<String> packages) {
        return packages.stream().anyMatch(p -> type.startsWith(p + "."));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** {@code java.io.InputStream, int, ch04.x.A$Sink} as {@code InputStream, int, A.Sink}. */
    private static String simpleParameters(String parameters) {
        if (parameters.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String p : parameters.split(",")) {
            out.append(out.isEmpty() ? "" : ", ").append(simple(p.strip()));
        }
        return out.toString();
    }

    /** A type's name without its package, a nested type as {@code Outer.Inner}. */
    static String simple(String type) {
        String name = type.substring(type.lastIndexOf('.') + 1);
        return name.replace('$', '.');
    }
}
