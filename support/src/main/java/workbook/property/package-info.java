/**
 * The workbook's property-testing kit: {@code forAll(generators…).labels(…).check(body)} in a
 * plain JUnit test. The manual for test authors is {@code support/README.md}; this is the map for
 * whoever changes the kit.
 *
 * <h2>What a test author uses</h2>
 * {@link workbook.property.Property} ({@code forAll}, {@code assume}) and the checkers it returns
 * ({@link workbook.property.Checker1}, {@link workbook.property.Checker2},
 * {@link workbook.property.Checker3}: {@code tries}, {@code named}, {@code labels}, {@code check});
 * {@link workbook.property.Gen} and its factories, {@link workbook.property.Alphabet},
 * {@link workbook.property.Weighted}, {@link workbook.property.Function3} and
 * {@link workbook.property.Function4}; {@link workbook.property.Rendering} for messages that
 * render values as reports do. Everything else is package-private, or public only because Java
 * or JUnit needs it so ({@link workbook.property.Source} appears in {@code Gen.generate};
 * {@link workbook.property.PropertyExtension} is loaded by JUnit).
 *
 * <h2>The layers</h2>
 * The kit is built like Hypothesis: generators draw from a recorded sequence of choices, an engine
 * runs tries, a shrinker edits the sequence, and a report says what was found. Each file belongs
 * to one layer. The strategies, the shrinker and the rendering know nothing of the engine; the
 * engine drives them, and the failure report reads the engine's records ({@code Spec},
 * {@code Result}, {@code TestId}).
 * <table>
 *   <caption>The kit's files by layer</caption>
 *   <tr><th>layer</th><th>files</th><th>what it does</th></tr>
 *   <tr><td>strategies</td>
 *       <td>{@code Gen}, {@code Source}, {@code Bias}, {@code IntegerChoice}, {@code Sizes},
 *           {@code Alphabet}, {@code Weighted}, {@code Function3}, {@code Function4},
 *           {@code Rejected}</td>
 *       <td>values from choices: a smaller choice is a simpler value, so every generator shrinks
 *           with no shrinker of its own. {@code Bias} holds every rule that makes a fresh try
 *           lean (the schedule of edge tries, edges, small numbers, neighbours of earlier
 *           draws, sizes, code points); {@code Rejected} says a try does not count</td></tr>
 *   <tr><td>shrinker</td>
 *       <td>{@code Shrinker}</td>
 *       <td>edits a failing choice sequence (delete, zero, lower, sort, redistribute) and keeps
 *           what still fails the same way; it never sees a value</td></tr>
 *   <tr><td>reporting</td>
 *       <td>{@code Render}, {@code Rendering}, {@code FailureReport}</td>
 *       <td>how a value reads in a report and in an AssertJ message, and the report itself:
 *           counterexample, failure, seed, replay command</td></tr>
 *   <tr><td>engine</td>
 *       <td>{@code Property}, {@code Checker}, {@code Checker1}, {@code Checker2},
 *           {@code Checker3}, {@code Spec}, {@code Runner}, {@code Result}, {@code Settings},
 *           {@code FailureStore}, {@code TestId}, {@code TestIdentity},
 *           {@code PropertyExtension}</td>
 *       <td>runs one property: the saved failure first, then the tries, then the shrinker, each
 *           within its budget; knows which test it runs in (from JUnit, through
 *           {@code PropertyExtension}), which names it, seeds it, keys its saved failure and makes
 *           its replay command</td></tr>
 * </table>
 *
 * <h2>Why one package and not four</h2>
 * The layers meet at package-private members: the engine starts tries with
 * {@code Source.replay} and {@code Source.fresh} and reads {@code Source.choices}; the generators
 * draw through {@code Source.choose} and {@code Bias}; the checkers and the kit's own tests set
 * {@code Spec}'s knobs (a fake clock, no saved failures, a fixed seed) and read {@code Result}.
 * Java's only boundary below {@code public} is the package, so subpackages would make all of it
 * public, and a student who types {@code Source.} in a hand-written generator, or browses
 * {@code workbook.property}, would meet the engine's internals next to the API. (Java modules
 * could hide them, at the price of putting every chapter on the module path.) So the kit is one
 * package with a small public surface, and this table is its tree.
 */
package workbook.property;
