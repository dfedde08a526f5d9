package workbook.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol between the test JVM ({@link TestRun}) and the grader: one event per line,
 * fields separated by tabs, written and flushed as it happens, so that whatever the JVM did before
 * it died is on disk.
 *
 * <pre>
 * P  uid  exercise  name                       a test the run means to run (its plan, written first)
 * S  uid  exercise  name                       a test or container started
 * F  uid  exercise  name  status  message  ms  a test ended ({@link TestStatus} in words), after ms milliseconds
 * D                                            the run is over: every test that was to run has ended
 * </pre>
 * A field never holds a raw tab or line break: {@code \}, tab, CR and LF are escaped.
 */
final class Events {

    static final String PLANNED = "P";
    static final String STARTED = "S";
    static final String FINISHED = "F";
    static final String DONE = "D";

    private Events() {
    }

    /** One line of the protocol. */
    record Event(String kind, String uid, String exercise, String name, String status, String message, String millis) {
    }

    static String line(String... fields) {
        StringBuilder out = new StringBuilder();
        for (String f : fields) {
            if (!out.isEmpty()) {
                out.append('\t');
            }
            out.append(escape(f == null ? "" : f));
        }
        return out.append('\n').toString();
    }

    /** An event from one complete line (without its line break); null for a line it cannot read. */
    static Event parse(String line) {
        List<String> f = new ArrayList<>();
        for (String raw : line.split("\t", -1)) {
            f.add(unescape(raw));
        }
        return switch (f.get(0)) {
            case PLANNED, STARTED -> f.size() >= 4 ? new Event(f.get(0), f.get(1), f.get(2), f.get(3), "", "", "") : null;
            case FINISHED -> f.size() >= 6
                    ? new Event(FINISHED, f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.size() > 6 ? f.get(6) : "") : null;
            case DONE -> new Event(DONE, "", "", "", "", "", "");
            default -> null;
        };
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
