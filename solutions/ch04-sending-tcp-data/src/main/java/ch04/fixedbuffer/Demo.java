package ch04.fixedbuffer;
public class Demo { public static int answer() { return 42; } }
