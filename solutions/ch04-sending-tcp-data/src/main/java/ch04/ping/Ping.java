package ch04.ping;

import java.io.PrintStream;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import workbook.NotStartedException;

/**
 * The ping command of Listings 4-21 and 4-22, for a user at a prompt:
 * {@code ping [-c count] [-i interval] [-W timeout] [--fast] host:port}.
 *
 * <p>This class is the command line only: picocli reads the arguments, {@link PingOptions#parse}
 * checks them, {@link Pinger} runs the attempts and {@link Report} prints them. Exit status:
 * {@value #SUCCESS} when every attempt connected, {@value #FAILURE} when one did not (a timeout,
 * or a permanent failure such as a refusal or an unknown host), {@value #USAGE} for a bad command
 * line, and {@value #INTERRUPTED} after Ctrl+C, as for any program a shell sees stopped by
 * SIGINT; the summary is printed first.
 */
@Command(name = "ping", separator = " ", sortOptions = false, defaultValueProvider = Ping.Defaults.class,
        description = {
            "Times TCP connects to host:port, for a host whose firewall drops ICMP echoes but lets a port"
                    + " through (Listings 4-21 and 4-22 of Network Programming with Go, in Java).",
            "Each attempt connects and closes at once. A timeout is reported and the next attempt goes on;"
                    + " a refusal or an unknown host ends the run. Ctrl+C ends it with the summary."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every attempt connected",
            "1:an attempt timed out, or one failed for good (refused, unknown host)",
            "2:bad usage",
            "130:stopped with Ctrl+C"})
public final class Ping {

    /** Exit status: every attempt connected. */
    public static final int SUCCESS = 0;
    /** Exit status: an attempt timed out, or one failed for good. */
    public static final int FAILURE = 1;
    /** Exit status: the command line was wrong. */
    public static final int USAGE = 2;
    /** Exit status after Ctrl+C: 128 + SIGINT, what a shell reports for any program it stopped. */
    public static final int INTERRUPTED = 130;
    /** Exit status when an exercise stub was reached: sysexits.h's EX_SOFTWARE. */
    public static final int NOT_STARTED = 70;

    /** How long Ctrl+C waits for the run to print its summary before the JVM exits anyway. */
    static final Duration CTRL_C_GRACE = Duration.ofSeconds(2);

    @Option(names = "-c", paramLabel = "count",
            description = "attempts to make; 0 or less: until Ctrl+C (default: ${DEFAULT-VALUE})")
    private long count;

    @Option(names = "-i", paramLabel = "interval", converter = DurationConverter.class,
            description = "from the start of one attempt to the start of the next: 1.5 (seconds), 500ms, 2s, 1m;"
                    + " at least " + PingOptions.MIN_INTERVAL_TEXT + " unless " + PingOptions.FAST_OPTION
                    + " (default: ${DEFAULT-VALUE})")
    private Duration interval;

    @Option(names = "-W", paramLabel = "timeout", converter = DurationConverter.class,
            description = "how long one connect may wait for an answer, at most " + PingOptions.MAX_TIMEOUT_TEXT
                    + " (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = PingOptions.FAST_OPTION,
            description = "allow an interval under " + PingOptions.MIN_INTERVAL_TEXT + "; only against a host you own")
    private boolean fast;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    private boolean help;

    @Parameters(paramLabel = "host:port",
            description = "where to connect: a name or an IPv4 address, or an IPv6 address in brackets ([::1]:8080)")
    private String target;

    private Ping() {
    }

    /** Runs the attempts of a checked command line: {@code Pinger.system()::run}, or a test's stand-in. */
    @FunctionalInterface
    interface Session {
        Pinger.Result run(PingOptions options, Pinger.Listener listener) throws UnknownHostException;
    }

    /** Where the Ctrl+C handler goes: the JVM's shutdown hooks, or a test's list. */
    interface ShutdownHooks {
        void add(Thread hook);

        /** @throws IllegalStateException if the JVM is already shutting down (the hook is running) */
        void remove(Thread hook);

        ShutdownHooks JVM = new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        };
    }

    /** Runs the command and exits with its status; a stub of the workbook is reported, not thrown. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err, Pinger.system()::run, ShutdownHooks.JVM, CTRL_C_GRACE);
        } catch (NotStartedException stub) {
            System.err.println("ping: " + stub.getMessage());
            status = NOT_STARTED;
        }
        System.exit(status);
    }

    /**
     * The whole command, without the exit: reads {@code args}, runs the attempts through
     * {@code session} and prints to {@code out} and {@code err}.
     *
     * <p>Ctrl+C: a hook in {@code hooks} interrupts this thread, which stops the run; this thread
     * prints the summary, and the hook waits for it (at most {@code ctrlCGrace}) before the JVM
     * goes. The hook is removed once the run is over.
     *
     * @param ctrlCGrace how long the hook waits for the summary: {@link #CTRL_C_GRACE}
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, Session session, ShutdownHooks hooks,
            Duration ctrlCGrace) {
        var command = new Ping();
        var commandLine = new CommandLine(command);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            err.println("ping: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
            return usage(commandLine, err);
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return SUCCESS;
        }
        PingOptions options;
        try {
            options = PingOptions.parse(command.target, command.count, command.interval, command.timeout, command.fast);
        } catch (IllegalArgumentException e) {
            err.println("ping: " + e.getMessage());
            return usage(commandLine, err);
        }
        return ping(command.target, options, out, err, session, hooks, ctrlCGrace);
    }

    private static int usage(CommandLine commandLine, PrintStream err) {
        err.print("Usage: " + commandLine.getHelp().synopsis(0));
        err.println("Run 'ping --help' for the options.");
        return USAGE;
    }

    private static int ping(String target, PingOptions options, PrintStream out, PrintStream err, Session session,
            ShutdownHooks hooks, Duration ctrlCGrace) {
        var report = new Report(target, options, out, err);
        Thread loop = Thread.currentThread();
        var summaryPrinted = new CompletableFuture<Void>();
        // Ctrl+C starts the JVM's shutdown, which runs this hook and then ends every thread. The hook
        // stops the loop and holds the JVM until the loop's thread has printed the summary, or
        // until the grace is over (a name lookup, for one, does not stop when interrupted).
        Thread ctrlC = new Thread(() -> {
            loop.interrupt();
            summaryPrinted.completeOnTimeout(null, ctrlCGrace.toMillis(), TimeUnit.MILLISECONDS).join();
        }, "ping-ctrl-c");
        hooks.add(ctrlC);
        try {
            Pinger.Result result = session.run(options, report);
            report.summary(result.summary());
            return result.exitStatus();
        } catch (UnknownHostException e) {
            err.println("ping: unknown host " + options.host() + " (" + e.getMessage() + ")");
            return FAILURE;
        } finally {
            summaryPrinted.complete(null);
            try {
                hooks.remove(ctrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C came as the run ended: the hook is running, and the summary is out.
            }
        }
    }

    /** The defaults of Listing 4-21, from {@link PingOptions}, as the help screen shows them. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            return switch (option.shortestName()) {
                case "-c" -> String.valueOf(PingOptions.DEFAULT_COUNT);
                case "-i" -> DurationText.format(PingOptions.DEFAULT_INTERVAL);
                case "-W" -> DurationText.format(PingOptions.DEFAULT_TIMEOUT);
                default -> null;
            };
        }
    }

    /** Reads {@code -i} and {@code -W} with {@link DurationText}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
