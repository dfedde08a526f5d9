package ch04.fixedbuffer;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;
class DemoTest { @Test void answer() { System.out.println("running demo"); assertEquals(42, Demo.answer()); } }
