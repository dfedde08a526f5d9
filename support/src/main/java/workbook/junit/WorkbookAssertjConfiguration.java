package workbook.junit;

import org.assertj.core.configuration.Configuration;
import org.assertj.core.presentation.Representation;

/**
 * AssertJ's configuration for a chapter's tests: everything AssertJ's default, except the
 * {@link WorkbookRepresentation}. AssertJ finds it with {@link java.util.ServiceLoader} the first
 * time an assertion needs its configuration, through the chapter's
 * {@code src/test/resources/META-INF/services/org.assertj.core.configuration.Configuration},
 * which names this class.
 */
public class WorkbookAssertjConfiguration extends Configuration {
    @Override
    public Representation representation() {
        return WorkbookRepresentation.WORKBOOK_REPRESENTATION;
    }

    /** Applies it without AssertJ's console line: a student's run starts with the progress table, not with this. */
    @Override
    public void applyAndDisplay() {
        apply();
    }

    @Override
    public String describe() {
        return "AssertJ configuration from the workbook: " + representation();
    }
}
