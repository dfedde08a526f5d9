package workbook;

/**
 * The commands a report tells the reader to run again, built on the one setting that says how
 * this module's tests are run: {@code -Dworkbook.replay}, which each module's Surefire
 * configuration sets ({@code ./mvnw -q test -Pch04} for the student's chapter), {@code ./mvnw test}
 * where nothing sets it. The setting is written for a Unix shell; every command built here comes
 * out in the form of the reader's shell ({@link Shell}), ready to paste.
 */
public final class Rerun {

    private Rerun() {
    }

    /** The command that runs this module's tests, as the setting writes it (Unix form). */
    public static String command() {
        return System.getProperty("workbook.replay", "./mvnw test");
    }

    /** The command that runs the tests of an exercise or a section: {@code … -Dgroups=4.1a}. */
    public static String groups(String ids) {
        return Shell.current().command(command() + " -Dgroups=" + ids);
    }

    /**
     * The command that runs one test method: {@code … -Dtest='ClassName#method'}, followed by
     * {@code options} (Unix form, such as {@code -Dproperty.seed=42}).
     */
    public static String test(String classAndMethod, String options) {
        String command = command() + " -Dtest='" + classAndMethod + "'";
        return Shell.current().command(options.isEmpty() ? command : command + " " + options);
    }
}
