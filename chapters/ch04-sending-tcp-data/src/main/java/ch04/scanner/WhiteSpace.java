package ch04.scanner;

import workbook.NotStartedException;

/**
 * Which code points separate words: the rule of Go's {@code bufio.ScanWords} (Listing 4-3), which
 * is Go's {@code unicode.IsSpace}, the Unicode White_Space property.
 *
 * <p>Why not {@link Character#isWhitespace(int)}: Java's rule is a different set. It leaves out the
 * no-break spaces U+00A0, U+2007 and U+202F (so that text joined by them stays one word) and
 * U+0085 NEXT LINE, and it adds the information separators U+001C to U+001F, which Unicode does
 * not call white space. A Java peer and a Go peer that split the same bytes with their native
 * rules disagree on those seven code points; this workbook follows Go, the chapter's peer.
 */
public final class WhiteSpace {

    private WhiteSpace() {
    }

    /**
     * Whether {@code codePoint} separates words, by Go's {@code unicode.IsSpace}: U+0009 to U+000D,
     * U+0020, U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
     * Every other value, negative and beyond U+10FFFF included, is not a space.
     */
    public static boolean isSpace(int codePoint) {
        throw new NotStartedException("4.2a");
    }
}
