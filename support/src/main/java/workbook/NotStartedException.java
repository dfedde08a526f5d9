package workbook;

public class NotStartedException extends RuntimeException {
    private final String exerciseId;
    public NotStartedException(String exerciseId) {
        super("Not started: exercise " + exerciseId);
        this.exerciseId = exerciseId;
    }
    public String exerciseId() { return exerciseId; }
}
