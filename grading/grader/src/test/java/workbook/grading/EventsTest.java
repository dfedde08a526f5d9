package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void should_carry_any_message_through_one_line() {
        String message = "tab\there\nnew line\\backslash\r";

        String line = Events.line(Events.FINISHED, "[engine:x]/[class:T]", "9.1a", "T#t", "failed", message, "12");

        assertThat(line).endsWith("\n").doesNotContain("\r").satisfies(l -> assertThat(l.strip()).doesNotContain("\n"));
        assertThat(Events.parse(line.substring(0, line.length() - 1)))
                .isEqualTo(new Events.Event(Events.FINISHED, "[engine:x]/[class:T]", "9.1a", "T#t", "failed", message, "12"));
    }

    @Test
    void should_ignore_a_line_it_cannot_read() {
        assertThat(Events.parse("garbage")).isNull();
        assertThat(Events.parse("F\tonly-two")).isNull();
    }
}
