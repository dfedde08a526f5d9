package workbook.junit;

import org.assertj.core.presentation.StandardRepresentation;
import workbook.property.Rendering;

/**
 * AssertJ's representation with the property kit's rendering rules, so an assertion message
 * shows a value the way a property report does:
 *
 * <ul>
 *   <li>strings (any {@code CharSequence}) quoted, with the kit's escapes for control,
 *       white-space (other than the plain space) and non-ASCII characters: a scanner's word
 *       U+0085 reads {@code "\}{@code u0085"}, not an invisible {@code ""};
 *   <li>a {@code char} the same, between single quotes;
 *   <li>a {@code byte[]} in hex, {@code byte[5] 00 01 02 03 04}, its first 32 bytes and then
 *       "…", wherever it appears (alone, in a list, in an {@code Object[]}). When two arrays
 *       look the same in those 32 bytes, AssertJ asks for an unambiguous form and gets every byte.
 * </ul>
 *
 * Everything else is AssertJ's own. The rules are in {@link Rendering}; this class only routes
 * AssertJ's calls there. A chapter's tests load it through {@link WorkbookAssertjConfiguration},
 * registered in their {@code META-INF/services/org.assertj.core.configuration.Configuration}.
 */
public class WorkbookRepresentation extends StandardRepresentation {
    public static final WorkbookRepresentation WORKBOOK_REPRESENTATION = new WorkbookRepresentation();

    @Override
    protected String toStringOf(String s) {
        return Rendering.quoted(s);
    }

    @Override
    protected String toStringOf(CharSequence s) {
        return Rendering.quoted(s);
    }

    @Override
    protected String toStringOf(Character c) {
        return Rendering.quoted(c);
    }

    @Override
    protected String formatPrimitiveArray(Object array) {
        return array instanceof byte[] bytes ? Rendering.bytes(bytes) : super.formatPrimitiveArray(array);
    }

    @Override
    public String unambiguousToStringOf(Object object) {
        // The identity hash AssertJ adds would not say where two 3,000-byte payloads differ.
        return object instanceof byte[] bytes ? Rendering.allBytes(bytes) : super.unambiguousToStringOf(object);
    }

    @Override
    public String toString() {
        return "WorkbookRepresentation (the property kit's escapes for strings and chars, byte[] in hex)";
    }
}
