package ch04.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.property.Property.forAll;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workbook.fixtures.Thrown;
import workbook.property.Gen;

/** 4.7a: {@link PingOptions#parse}, what the user typed, checked before anything is sent. */
@Tag("4.7")
class PingOptionsTest {

    private static final Duration MS = Duration.ofMillis(1);

    private static PingOptions parse(String target) {
        return PingOptions.parse(target, PingOptions.DEFAULT_COUNT, PingOptions.DEFAULT_INTERVAL,
                PingOptions.DEFAULT_TIMEOUT, false);
    }

    private static Throwable refusal(String target, Duration interval, Duration timeout, boolean fast) {
        return Thrown.by(() -> PingOptions.parse(target, 3, interval, timeout, fast));
    }

    @Test
    @Tag("4.7a")
    void should_keep_the_chapters_defaults_as_given() {
        // WHEN the chapter's defaults are parsed with an IPv4 target
        PingOptions options = parse("127.0.0.1:8080");
        // THEN they come back as they went in
        assertThat(options).as("what parse returns for 127.0.0.1:8080 and the defaults (3, 1s, 5s)")
                .isEqualTo(new PingOptions("127.0.0.1", 8080, 3, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @Test
    @Tag("4.7a")
    void should_split_a_name_an_ipv4_address_and_a_bracketed_ipv6_address_from_the_port() {
        // GIVEN targets in every form a user may type, with the host and port they name
        record Case(String target, String host, int port) {
        }
        List<Case> cases = List.of(
                new Case("localhost:80", "localhost", 80),
                new Case("example.invalid:65535", "example.invalid", 65535),
                new Case("127.0.0.1:1", "127.0.0.1", 1),
                new Case("[::1]:8080", "::1", 8080),
                new Case("[fe80::1%lo]:22", "fe80::1%lo", 22),
                new Case("host:007", "host", 7));
        for (Case c : cases) {
            // WHEN each is parsed
            PingOptions options = parse(c.target());
            // THEN host and port are split where the last colon outside the brackets is
            assertThat(List.of(options.host(), options.port()))
                    .as("host and port parsed from '%s' (an IPv6 address loses its brackets)", c.target())
                    .containsExactly(c.host(), c.port());
        }
    }

    @Test
    @Tag("4.7a")
    void should_refuse_a_target_that_is_not_host_and_port() {
        // GIVEN targets that name no port, no host, or an IPv6 address without brackets
        List<String> bad = List.of("localhost", "localhost:", ":80", "::1:80", "[::1]", "[::1]80", "[]:80",
                "host:80:90", "host:8o", "", "[::1:80");
        for (String target : bad) {
            // WHEN each is parsed THEN it is refused with a message that quotes it
            assertThat(refusal(target, PingOptions.DEFAULT_INTERVAL, PingOptions.DEFAULT_TIMEOUT, false))
                    .as("parsing '%s', which is not host:port: an IllegalArgumentException for the user to read", target)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + target + "'");
        }
    }

    @Test
    @Tag("4.7a")
    void should_refuse_a_port_that_integer_parsing_would_let_through() {
        // GIVEN ports that Integer.parseInt reads as numbers: a sign, Arabic-Indic digits, too many digits
        List<String> bad = List.of("host:+80", "host:-1", "host:\u0668\u0660", "host:000080");
        for (String target : bad) {
            // WHEN each is parsed THEN it is refused
            assertThat(refusal(target, PingOptions.DEFAULT_INTERVAL, PingOptions.DEFAULT_TIMEOUT, false))
                    .as("parsing '%s': a port is one to five ASCII digits (Integer.parseInt also takes a sign"
                            + " and any script's digits)", target)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Tag("4.7a")
    void should_refuse_a_port_outside_1_to_65535_and_name_it() {
        for (String target : List.of("host:0", "host:65536", "host:99999")) {
            // WHEN a port out of range is parsed THEN the message names the port and the range
            String port = target.substring("host:".length());
            assertThat(refusal(target, PingOptions.DEFAULT_INTERVAL, PingOptions.DEFAULT_TIMEOUT, false))
                    .as("parsing '%s': port %s is not a port to connect to", target, port)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(port).hasMessageContaining("65535");
        }
        // AND the ends of the range are ports
        assertThat(List.of(parse("host:1").port(), parse("host:65535").port()))
                .as("ports parsed from host:1 and host:65535, the first and last TCP ports").containsExactly(1, 65535);
    }

    @Test
    @Tag("4.7a")
    void should_refuse_an_interval_under_the_floor_unless_fast() {
        Duration underFloor = PingOptions.MIN_INTERVAL.minusNanos(1);
        // WHEN an interval just under the floor is asked for without --fast
        Throwable refused = refusal("host:80", underFloor, PingOptions.DEFAULT_TIMEOUT, false);
        // THEN it is refused, and the message says where the floor is and how to go under it
        assertThat(refused).as("an interval of %s without %s: under the floor of %s", underFloor,
                        PingOptions.FAST_OPTION, PingOptions.MIN_INTERVAL)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PingOptions.MIN_INTERVAL_TEXT).hasMessageContaining(PingOptions.FAST_OPTION);
        // AND the floor itself is polite enough, and with --fast anything from 0 goes
        assertThat(List.of(
                        PingOptions.parse("host:80", 3, PingOptions.MIN_INTERVAL, MS, false).interval(),
                        PingOptions.parse("host:80", 3, underFloor, MS, true).interval(),
                        PingOptions.parse("host:80", 3, Duration.ZERO, MS, true).interval()))
                .as("intervals accepted: the floor without %s, just under it and 0 with it", PingOptions.FAST_OPTION)
                .containsExactly(PingOptions.MIN_INTERVAL, underFloor, Duration.ZERO);
    }

    @Test
    @Tag("4.7a")
    void should_refuse_a_negative_interval_or_timeout_even_when_fast() {
        Duration negative = Duration.ofNanos(-1);
        assertThat(refusal("host:80", negative, PingOptions.DEFAULT_TIMEOUT, true))
                .as("an interval of -1 ns with %s: time does not run backwards", PingOptions.FAST_OPTION)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThat(refusal("host:80", PingOptions.DEFAULT_INTERVAL, negative, true))
                .as("a timeout of -1 ns").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    @Tag("4.7a")
    void should_keep_the_timeout_between_one_millisecond_and_sixty_seconds() {
        // GIVEN timeouts just outside the bounds: 0 means "forever" to Java, and above 60 s the kernel gives up first
        for (Duration timeout : List.of(Duration.ZERO, PingOptions.MIN_TIMEOUT.minusNanos(1),
                PingOptions.MAX_TIMEOUT.plusNanos(1), Duration.ofMinutes(5))) {
            // WHEN each is parsed THEN it is refused, naming both bounds
            assertThat(refusal("host:80", PingOptions.DEFAULT_INTERVAL, timeout, false))
                    .as("a timeout of %s: it must be %s to %s", timeout, PingOptions.MIN_TIMEOUT, PingOptions.MAX_TIMEOUT)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1ms").hasMessageContaining(PingOptions.MAX_TIMEOUT_TEXT);
        }
        // AND the bounds themselves are accepted
        assertThat(List.of(
                        PingOptions.parse("host:80", 3, PingOptions.DEFAULT_INTERVAL, PingOptions.MIN_TIMEOUT, false).timeout(),
                        PingOptions.parse("host:80", 3, PingOptions.DEFAULT_INTERVAL, PingOptions.MAX_TIMEOUT, false).timeout()))
                .as("the shortest and the longest timeout").containsExactly(PingOptions.MIN_TIMEOUT, PingOptions.MAX_TIMEOUT);
    }

    @Test
    @Tag("4.7a")
    void should_take_any_count_and_run_forever_for_zero_or_less() {
        for (long count : List.of(Long.MIN_VALUE, -1L, 0L, 1L, 3L, Long.MAX_VALUE)) {
            PingOptions options = PingOptions.parse("host:80", count, PingOptions.DEFAULT_INTERVAL,
                    PingOptions.DEFAULT_TIMEOUT, false);
            assertThat(List.of(options.count(), options.forever()))
                    .as("count %d: kept as is, and forever() when 0 or less", count)
                    .containsExactly(count, count <= 0);
        }
    }

    @Test
    @Tag("4.7a")
    void should_refuse_nulls_with_a_null_pointer_exception() {
        Duration d = PingOptions.DEFAULT_INTERVAL;
        assertThat(List.of(
                        Thrown.by(() -> PingOptions.parse(null, 3, d, d, false)),
                        Thrown.by(() -> PingOptions.parse("host:80", 3, null, d, false)),
                        Thrown.by(() -> PingOptions.parse("host:80", 3, d, null, false))))
                .as("what parse throws for a null target, interval and timeout")
                .allSatisfy(t -> assertThat(t).isInstanceOf(NullPointerException.class));
    }

    @Test
    @Tag("4.7a")
    void should_split_any_host_and_port_and_refuse_any_port_out_of_range() {
        Gen<String> names = Gen.strings(workbook.property.Alphabet.of("abcxyz0129-."), 1, 20);
        Gen<String> ipv4 = Gen.lists(Gen.integers(0, 255), 4, 4)
                .map(b -> b.get(0) + "." + b.get(1) + "." + b.get(2) + "." + b.get(3));
        Gen<String> ipv6 = Gen.lists(Gen.integers(0, 0xffff), 8, 8)
                .map(g -> String.join(":", g.stream().map(Integer::toHexString).toList()));
        forAll(Gen.oneOf(names, ipv4, ipv6), Gen.integers(-70_000, 140_000))
                .labels("host", "port").tries(200)
                .check((host, port) -> {
                    // GIVEN a host:port as a user writes it, the IPv6 address in brackets
                    String target = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
                    if (port >= 1 && port <= 65535) {
                        // THEN a port in range comes back with the host
                        PingOptions options = parse(target);
                        assertThat(List.of(options.host(), options.port())).as("host and port parsed from '%s'", target)
                                .containsExactly(host, port);
                    } else {
                        // THEN any other is refused
                        assertThat(refusal(target, PingOptions.DEFAULT_INTERVAL, PingOptions.DEFAULT_TIMEOUT, false))
                                .as("parsing '%s', whose port is not 1 to 65535", target)
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                });
    }

    @Test
    @Tag("4.7a")
    void should_accept_an_interval_exactly_when_fast_or_at_the_floor() {
        forAll(Gen.longs(0, 2 * PingOptions.MIN_INTERVAL.toNanos()), Gen.booleans())
                .labels("intervalNanos", "fast").tries(200)
                .check((nanos, fast) -> {
                    Duration interval = Duration.ofNanos(nanos);
                    boolean polite = fast || interval.compareTo(PingOptions.MIN_INTERVAL) >= 0;
                    Throwable thrown = refusal("host:80", interval, PingOptions.DEFAULT_TIMEOUT, fast);
                    assertThat(thrown == null)
                            .as("whether an interval of %s with fast=%s is accepted (refused: %s); the floor is %s",
                                    interval, fast, thrown, PingOptions.MIN_INTERVAL)
                            .isEqualTo(polite);
                });
    }
}
