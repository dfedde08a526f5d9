package ch04.scanner;

// SOLUTION 4.2a
// SKELETON
// import workbook.NotStartedException;
// END 4.2a

/**
 * Which code points separate words: the rule of Go's {@code bufio.ScanWords} (Listing 4-3), which
 * is Go's {@code unicode.IsSpace}, the Unicode White_Space property.
 *
 * <p>Why not {@link Character#isWhitespace(int)}: Java's rule is a different set (its javadoc says
 * which). A Java peer and a Go peer that split the same bytes with their native rules disagree on
 * a handful of code points; this workbook follows Go, the chapter's peer.
 */
public final class WhiteSpace {

    private WhiteSpace() {
    }

    /**
     * Whether {@code codePoint} separates words, by Go's {@code unicode.IsSpace}: the code points
     * with Unicode's White_Space property (exercises.md, task 4.2a, says where to find them). Every
     * other value, negative and beyond U+10FFFF included, is not a space.
     */
    public static boolean isSpace(int codePoint) {
        // SOLUTION 4.2a
        // White_Space: U+0009 to U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028,
        // U+2029, U+202F, U+205F and U+3000.
        // Latin-1 first: nearly every byte a scanner sees is ASCII, and this keeps that path short.
        if (codePoint <= 0xFF) {
            return switch (codePoint) {
                case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
                default -> false;
            };
        }
        if (codePoint >= 0x2000 && codePoint <= 0x200A) {
            return true;
        }
        return switch (codePoint) {
            case 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> false;
        };
        // END 4.2a
    }
}
