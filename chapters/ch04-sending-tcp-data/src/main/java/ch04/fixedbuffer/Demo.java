package ch04.fixedbuffer;
public class Demo { public static int answer() { throw new workbook.NotStartedException("4.1a"); } }
