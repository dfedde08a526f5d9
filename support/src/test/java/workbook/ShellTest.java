package workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void should_show_commands_and_paths_unchanged_to_a_unix_shell() {
        assertThat(Shell.UNIX.command("./mvnw test -Pch04 -Dtest='FrameTest#should_write' -Dproperty.seed=42"))
                .isEqualTo("./mvnw test -Pch04 -Dtest='FrameTest#should_write' -Dproperty.seed=42");
        assertThat(Shell.UNIX.path("chapters/ch04/src/main/java")).isEqualTo("chapters/ch04/src/main/java");
    }

    @Test
    void should_run_the_wrapper_script_and_quote_every_property_on_windows() {
        // GIVEN the student's rerun line WHEN shown on Windows THEN PowerShell and cmd both run it:
        // .\mvnw.cmd, and -Dgroups=4.1a in quotes (PowerShell would pass -Dgroups=4 and .1a)
        assertThat(Shell.WINDOWS.command("./mvnw test -Pch04 -Dgroups=4.1a"))
                .isEqualTo(".\\mvnw.cmd test -Pch04 \"-Dgroups=4.1a\"");
        assertThat(Shell.WINDOWS.command("./mvnw -q test -Pch04 -Dgroups=4.1,4.2"))
                .isEqualTo(".\\mvnw.cmd -q test -Pch04 \"-Dgroups=4.1,4.2\"");
        assertThat(Shell.WINDOWS.command("../../mvnw test")).isEqualTo("..\\..\\mvnw.cmd test");
    }

    @Test
    void should_turn_single_quotes_into_double_quotes_on_windows() {
        // cmd passes single quotes through as part of the value; double quotes work in both shells
        assertThat(Shell.WINDOWS.command("./mvnw test -Dtest='FrameTest#should_write' -Dproperty.seed=42"))
                .isEqualTo(".\\mvnw.cmd test \"-Dtest=FrameTest#should_write\" \"-Dproperty.seed=42\"");
        assertThat(Shell.WINDOWS.command("./mvnw test -Pgrade -Dstudent='C:\\Users\\Jo Doe\\clone'"))
                .isEqualTo(".\\mvnw.cmd test -Pgrade \"-Dstudent=C:\\Users\\Jo Doe\\clone\"");
    }

    @Test
    void should_write_module_paths_with_backslashes_and_leave_other_options_alone_on_windows() {
        assertThat(Shell.WINDOWS.command("./mvnw test -pl solutions/ch04-sending-tcp-data -am"))
                .isEqualTo(".\\mvnw.cmd test -pl solutions\\ch04-sending-tcp-data -am");
        assertThat(Shell.WINDOWS.command("mvn test")).isEqualTo("mvn test");
        assertThat(Shell.WINDOWS.path("chapters/ch04/src/main/java/ch04/tlv/Frame.java"))
                .isEqualTo("chapters\\ch04\\src\\main\\java\\ch04\\tlv\\Frame.java");
    }

    @Test
    void should_guess_the_shell_from_the_machine_and_let_the_property_override_it() {
        assertThat(Shell.of("", "Linux", Map.of())).isEqualTo(Shell.UNIX);
        assertThat(Shell.of("", "Mac OS X", Map.of())).isEqualTo(Shell.UNIX);
        assertThat(Shell.of("", "Windows 11", Map.of())).isEqualTo(Shell.WINDOWS);
        // Git Bash and MSYS2 set MSYSTEM and run ./mvnw, not .\mvnw.cmd
        assertThat(Shell.of("", "Windows 11", Map.of("MSYSTEM", "MINGW64"))).isEqualTo(Shell.UNIX);
        assertThat(Shell.of("windows", "Linux", Map.of())).isEqualTo(Shell.WINDOWS);
        assertThat(Shell.of(" UNIX ", "Windows 11", Map.of())).isEqualTo(Shell.UNIX);
    }
}
