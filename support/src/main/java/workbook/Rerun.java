package workbook;

/**
 * The commands a report tells the reader to run again, built on the one setting that says how
 * this module's tests are run: {@code -Dworkbook.replay}, which each module's Surefire
 * configuration sets ({@code mvn test -Pch04} for the student's chapter), {@code mvn test}
 * where nothing sets it.
 */
public final class Rerun {

    private Rerun() {
    }

    /** The command that runs this module's tests. */
    public static String command() {
        return System.getProperty("workbook.replay", "mvn test");
    }

    /** The command that runs the tests of an exercise or a section: {@code … -Dgroups=4.1a}. */
    public static String groups(String ids) {
        return command() + " -Dgroups=" + ids;
    }

    /** The command that runs one test method: {@code … -Dtest='ClassName#method'}. */
    public static String test(String classAndMethod) {
        return command() + " -Dtest='" + classAndMethod + "'";
    }
}
