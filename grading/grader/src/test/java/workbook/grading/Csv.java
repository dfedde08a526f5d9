package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of RFC 4180 CSV, written apart from the gradebook's writer so that it checks it:
 * quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF between
 * records; anything else (a quote inside an unquoted field, text after a closing quote, an
 * unterminated quote) is an error. Also a command, for CI:
 * <pre>
 * java grading/grader/src/test/java/workbook/grading/Csv.java FILE.csv...   # exit 1 unless each is a table
 * </pre>
 */
public final class Csv {

    private Csv() {
    }

    /** The records of {@code text}, each a list of fields. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!fieldStarted && c == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("a quoted field never ends (record " + (records.size() + 1) + ")");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new IllegalArgumentException("text after a closing quote in record " + (records.size() + 1));
                }
                fieldStarted = true;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                records.add(record);
                record = new ArrayList<>();
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field in record " + (records.size() + 1));
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** The records, checked to form a table: a header and rows of its width. */
    public static List<List<String>> table(String text) {
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no header");
        }
        int width = records.get(0).size();
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() != width) {
                throw new IllegalArgumentException("record " + (r + 1) + " has " + records.get(r).size()
                        + " fields, the header " + width);
            }
        }
        return records;
    }

    public static void main(String[] args) throws IOException {
        int status = 0;
        for (String file : args) {
            try {
                List<List<String>> t = table(Files.readString(Path.of(file), StandardCharsets.UTF_8));
                System.out.println(file + ": a table of " + (t.size() - 1) + " rows and " + t.get(0).size() + " columns");
            } catch (IllegalArgumentException e) {
                System.out.println(file + ": not a table: " + e.getMessage());
                status = 1;
            }
        }
        System.exit(status);
    }
}
