package workbook.property;

/**
 * The kit's rendering rules for code outside this package (the AssertJ representation in
 * {@code workbook.junit}), so a value reads the same in a property report and in an assertion
 * message. The rules themselves live in one place, {@link Render}; see its documentation.
 */
public final class Rendering {
    private Rendering() {
    }

    /** A string between double quotes, with the kit's escapes (see {@link Render}): a tab as {@code \t}, U+0085 as {@code \}{@code u0085}. */
    public static String quoted(CharSequence text) {
        StringBuilder out = new StringBuilder();
        Render.string(text.toString(), out);
        return out.toString();
    }

    /** A char between single quotes, with the kit's escapes: U+00A0 as {@code '\}{@code u00A0'}. */
    public static String quoted(char c) {
        StringBuilder out = new StringBuilder();
        Render.character(c, out);
        return out.toString();
    }

    /** Its length and at most {@value Render#BYTE_PREFIX} bytes in hex, then "…": {@code byte[3] 00 01 ff}. */
    public static String bytes(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        Render.bytes(bytes, out);
        return out.toString();
    }

    /** Every byte in hex, for when the first {@value Render#BYTE_PREFIX} cannot tell two arrays apart. */
    public static String allBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        Render.bytes(bytes, Integer.MAX_VALUE, out);
        return out.toString();
    }
}
