package workbook.grading;

import workbook.junit.Catalogue;

/** A kit made of a catalogue alone, for the gradebook's tests. */
final class KitFixture {

    private KitFixture() {
    }

    static Kit of(Catalogue catalogue, String text) {
        return Kit.forCatalogue("ch09-sample", catalogue, Points.parse(text, catalogue));
    }
}
