package workbook.property;

import java.util.List;
import java.util.SplittableRandom;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import workbook.CauseChain;
import workbook.NotStartedException;

/**
 * Runs one property: the stored failure first, then fresh tries, then shrinking of the first
 * failure found. Runs on the calling thread and stops between tries and between shrink replays
 * when that thread is interrupted (a JUnit timeout in a separate thread).
 */
final class Runner {
    /** The body, with its arguments collected in a list. */
    @FunctionalInterface
    interface Body {
        void accept(List<Object> args) throws Throwable;
    }

    private enum Kind { PASS, DISCARD, FAIL }

    private record Try(Kind kind, Throwable failure, List<Object> args, List<String> rendered, long[] choices) {
    }

    private final Spec spec;
    private final Gen<List<Object>> gen;
    private final Body body;

    Runner(Spec spec, Gen<List<Object>> gen, Body body) {
        this.spec = spec;
        this.gen = gen;
        this.body = body;
    }

    /** Runs the property and throws the report if it fails. */
    static void check(Spec spec, Gen<List<Object>> gen, Body body) {
        Result result = new Runner(spec, gen, body).run();
        if (!result.passed()) {
            throw new AssertionFailedError(FailureReport.message(spec, result), result.counterexample().failure());
        }
    }

    Result run() {
        spec.claimName();
        String name = spec.name;
        boolean seedGiven = spec.seed != null || Settings.replaySeed() != null;
        long seed = spec.seed != null ? spec.seed : Settings.seed(name);
        int tries = Settings.tries(spec.tries);
        int maxDiscards = Math.max(1000, tries * 10);

        Try failing = null;
        boolean fromStore = false;
        // A replayed seed must mean exactly what it says, so the stored case only runs without one.
        if (spec.store != null && !seedGiven) {
            long[] saved = spec.store.load(name);
            if (saved != null) {
                Try replayed = execute(Source.replay(saved, Source.MAX_CHOICES), false);
                if (replayed.kind == Kind.FAIL) {
                    failing = replayed;
                    fromStore = true;
                }
            }
        }

        SplittableRandom random = new SplittableRandom(seed);
        int valid = 0;
        int discarded = 0;
        int run = 0;
        long tryDeadline = spec.clock.getAsLong() + spec.tryTime().toNanos();
        // A replay (-Dproperty.seed from a report) must reach the try that failed, however busy
        // the machine: stopping early would pass it silently. The JUnit timeout still bounds it.
        boolean replaying = Settings.replaySeed() != null;
        boolean outOfTime = false;
        while (failing == null && valid < tries && discarded < maxDiscards) {
            stopIfInterrupted(name, run);
            // Slow tries stop at a budget well inside a JUnit timeout: a timeout would report
            // nothing, while the tries made so far are evidence. Each property needs one valid try.
            if (valid > 0 && !replaying && spec.clock.getAsLong() - tryDeadline > 0) {
                outOfTime = true;
                break;
            }
            Try attempt = execute(Bias.sourceFor(run, random, spec.edgeRounds), false);
            run++;
            switch (attempt.kind) {
                case PASS -> valid++;
                case DISCARD -> discarded++;
                case FAIL -> failing = attempt;
            }
        }
        if (failing == null) {
            stopIfInterrupted(name, run);
            if (valid == 0) {
                throw new AssertionFailedError("Property " + name + " never ran: all " + discarded
                        + " tries were discarded by assume() or filter(); loosen them or generate valid values directly");
            }
            if (spec.store != null) {
                spec.store.delete(name);
            }
            String note = null;
            if (outOfTime) {
                note = "Property " + name + " passed " + valid + " of its " + tries + " tries and stopped there: the tries took over "
                        + seconds(spec.tryTime()) + " (-Dproperty.maxTrySeconds=N allows more)";
                System.err.println("Note: " + note);
            }
            return new Result(seed, new Result.Tries(run, discarded, note), null);
        }
        // Saved at once, so a run stopped while shrinking (a JUnit timeout) still finds it next time.
        if (spec.store != null && !fromStore) {
            spec.store.save(name, failing.choices);
        }
        return shrink(failing, seed, run + (fromStore ? 1 : 0), discarded, fromStore);
    }

    private Result shrink(Try failing, long seed, int tries, int discarded, boolean fromStore) {
        Class<?> failureType = failing.failure.getClass();
        Shrinker shrinker = new Shrinker(failing.choices, (choices, maxChoices) -> {
            Try attempt = execute(Source.replay(choices, maxChoices), false);
            // Only the same kind of failure counts: shrinking must not slip to a different bug.
            return attempt.kind == Kind.FAIL && attempt.failure.getClass() == failureType ? attempt.choices : null;
        }, spec.maxShrinkReplays, spec.shrinkTime().toNanos(), spec.clock);
        shrinker.shrink();

        long[] best = shrinker.best();
        if (spec.store != null) {
            spec.store.save(spec.name, best); // before the last replay, which an interrupted thread may not finish
        }
        Try last = execute(Source.replay(best, best.length), true);
        String note = null;
        if (shrinker.interrupted()) {
            note = "shrinking was interrupted; this is the simplest case found so far";
        } else if (shrinker.stoppedEarly()) {
            note = "shrinking stopped at its budget (" + spec.maxShrinkReplays + " replays or "
                    + seconds(spec.shrinkTime()) + ", -Dproperty.shrinkSeconds=N allows more) after "
                    + shrinker.replays() + " replays; this is the simplest case found so far, and a simpler one may exist";
        }
        if (last.kind != Kind.FAIL) {
            note = "flaky: the shrunk case passed when run once more; the failure shown is the one found while shrinking";
            last = new Try(Kind.FAIL, failing.failure, last.args, last.rendered, best);
        }
        return new Result(seed, new Result.Tries(tries, discarded, null), new Result.Counterexample(last.args, last.rendered,
                last.failure, best, fromStore, new Result.Shrinking(shrinker.steps(), shrinker.replays(), note)));
    }

    /** "3 s", "0.5 s": a budget as a person reads it. */
    static String seconds(java.time.Duration d) {
        double s = d.toNanos() / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    private Try execute(Source source, boolean render) {
        List<Object> args = null;
        List<String> rendered = null;
        try {
            args = gen.generate(source);
            if (render) {
                rendered = args.stream().map(Render::value).toList();
            }
            body.accept(args);
            return new Try(Kind.PASS, null, args, rendered, source.choices());
        } catch (Rejected rejected) {
            return new Try(Kind.DISCARD, null, args, rendered, source.choices());
        } catch (Throwable t) {
            if (passesThrough(t)) {
                throw Runner.<RuntimeException>sneaky(t);
            }
            if (t instanceof InterruptedException) {
                // The thread was asked to stop; not the property's fault. The loops check the flag.
                Thread.currentThread().interrupt();
                return new Try(Kind.DISCARD, null, args, rendered, source.choices());
            }
            return new Try(Kind.FAIL, t, args, rendered, source.choices());
        }
    }

    /** "Not started" and aborted tries go to JUnit as they are: they are a state, not a failure to shrink. */
    static boolean passesThrough(Throwable t) {
        return t instanceof TestAbortedException || CauseChain.find(t, NotStartedException.class).isPresent();
    }

    private static void stopIfInterrupted(String name, int run) {
        if (Thread.currentThread().isInterrupted()) {
            throw new AssertionFailedError("Property " + name + " was interrupted after " + run + " tries");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
