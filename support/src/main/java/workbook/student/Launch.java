package workbook.student;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the student command ({@code ./workbook}, {@code .\workbook.cmd}) on the class path that
 * the student's last run left behind, so the command needs nothing but a JDK and one
 * {@code ./mvnw -q test -Pch04} before it: the scripts run this class from
 * {@code support/target/classes}, and it loads everything else from the entries the progress
 * listener wrote to {@code chapters/<chapter>/target/workbook-classpath.txt} (one a line, so no
 * shell ever quotes a path). Uses nothing but the JDK.
 */
public final class Launch {

    /** The chapter whose exercises the command works on. */
    public static final String CHAPTER = "ch04-sending-tcp-data";
    /** Written by the progress listener in every run of the chapter's tests. */
    public static final String CLASSPATH_FILE = "target/workbook-classpath.txt";

    private Launch() {
    }

    /** {@code args[0]}: the repository's root; the rest is the command. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length == 0 ? "." : args[0]).toAbsolutePath().normalize();
        String[] command = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        Path chapter = root.resolve("chapters").resolve(CHAPTER);
        Path classpath = chapter.resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(classpath)) {
            boolean windows = System.getProperty("os.name", "").startsWith("Windows") && System.getenv("MSYSTEM") == null;
            System.err.println("The student command runs on what the chapter's tests were built with, and they have not"
                    + " been built here yet. Run the chapter once (a minute the first time), then try again:\n    "
                    + (windows ? ".\\mvnw.cmd -q test -Pch04" : "./mvnw -q test -Pch04"));
            System.exit(2);
        }
        List<URL> urls = new ArrayList<>();
        Path classes = chapter.resolve("target/classes").toAbsolutePath().normalize();
        Path testClasses = chapter.resolve("target/test-classes").toAbsolutePath().normalize();
        for (String entry : Files.readAllLines(classpath, StandardCharsets.UTF_8)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.strip()).toAbsolutePath().normalize();
            // The chapter's own classes load per run, in the watch's class loader, so a recompiled class loads fresh.
            if (!p.equals(classes) && !p.equals(testClasses)) {
                urls.add(p.toUri().toURL());
            }
        }
        URLClassLoader loader = new URLClassLoader("workbook-tool", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        int exit;
        try {
            exit = (int) loader.loadClass("workbook.student.Main").getMethod("run", Path.class, String[].class)
                    .invoke(null, root, command);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("The student command's classes are out of date; run ./mvnw -q test -Pch04 (Windows:"
                    + " .\\mvnw.cmd -q test -Pch04) once, then try again. (" + e + ")");
            exit = 2;
        }
        System.exit(exit);
    }

}
