package ch04.scanner;

import workbook.NotStartedException;

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
        throw new NotStartedException("4.2a");
    }
}
