package workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a command or a path is written for the shell the reader types into, so that every command
 * and file the reports print can be pasted as it is.
 *
 * <p>The workbook writes its commands once, in the form a Unix shell takes
 * ({@code ./mvnw test -Pch04 -Dtest='FrameTest#should_write'}), and its paths with {@code /}.
 * {@link #UNIX} shows them unchanged: macOS, Linux, WSL, and Git Bash or MSYS2 on Windows.
 * {@link #WINDOWS} shows them for PowerShell and cmd alike:
 * <ul>
 *   <li>the wrapper as {@code .\mvnw.cmd} (both shells run it; neither runs {@code ./mvnw});
 *   <li>every {@code -D} option in double quotes ({@code "-Dgroups=4.1a"}): PowerShell cuts an
 *       unquoted {@code -D} argument at its first {@code .} or {@code ,} and passes the rest as a
 *       separate argument, which Maven then takes for a goal ("Unknown lifecycle phase .1a"), and
 *       cmd passes single quotes through as part of the value;
 *   <li>paths with {@code \}.
 * </ul>
 *
 * <p>{@link #current()} picks the form for this JVM's machine; {@code -Dworkbook.shell=unix} or
 * {@code -Dworkbook.shell=windows} overrides the guess.
 */
public enum Shell {
    /** A POSIX shell: the workbook's own form, shown unchanged. */
    UNIX,
    /** PowerShell or cmd on Windows. */
    WINDOWS;

    /** The system property that overrides {@link #current()}: {@code unix} or {@code windows}. */
    public static final String PROPERTY = "workbook.shell";

    /**
     * The shell of this machine's reader: {@link #WINDOWS} on Windows, except under Git Bash or
     * MSYS2 (which set {@code MSYSTEM} and run {@code ./mvnw}), else {@link #UNIX}.
     */
    public static Shell current() {
        return of(System.getProperty(PROPERTY, ""), System.getProperty("os.name", ""), System.getenv());
    }

    static Shell of(String chosen, String osName, Map<String, String> environment) {
        switch (chosen.strip().toLowerCase(Locale.ROOT)) {
            case "unix" -> {
                return UNIX;
            }
            case "windows" -> {
                return WINDOWS;
            }
            default -> {
                boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
                return windows && !environment.containsKey("MSYSTEM") ? WINDOWS : UNIX;
            }
        }
    }

    /** A path written with {@code /}, as this shell's user types it. */
    public String path(String path) {
        return this == WINDOWS ? path.replace('/', '\\') : path;
    }

    /**
     * A command written for a Unix shell, as this shell's user types it. Words are separated by
     * spaces; a word may hold a part in single quotes, which may contain spaces.
     */
    public String command(String unixCommand) {
        if (this == UNIX) {
            return unixCommand;
        }
        List<String> out = new ArrayList<>();
        List<Word> words = words(unixCommand);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String text = w.text();
            if (i == 0) {
                // ./mvnw, ../../mvnw: the wrapper's Windows script, by a path cmd and PowerShell both run.
                out.add(text.endsWith("mvnw") && text.contains("/") ? path(text) + ".cmd" : text);
            } else if (text.startsWith("-D") || w.quoted() || needsQuotes(text)) {
                out.add('"' + text + '"');
            } else if (!text.startsWith("-")) {
                out.add(path(text)); // a module or a file, like -pl's argument
            } else {
                out.add(text);
            }
        }
        return String.join(" ", out);
    }

    private static boolean needsQuotes(String word) {
        for (char c : word.toCharArray()) {
            if (Character.isWhitespace(c) || "\"'`$@#&|<>^(){};,".indexOf(c) >= 0) {
                return true;
            }
        }
        return word.startsWith("-") && word.contains(".");
    }

    /** One word of a Unix command: its text without quotes, and whether it had any. */
    private record Word(String text, boolean quoted) {
    }

    private static List<Word> words(String command) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                inQuotes = !inQuotes;
                quoted = true;
            } else if (c == ' ' && !inQuotes) {
                if (!text.isEmpty() || quoted) {
                    words.add(new Word(text.toString(), quoted));
                }
                text.setLength(0);
                quoted = false;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty() || quoted) {
            words.add(new Word(text.toString(), quoted));
        }
        return words;
    }
}
