package io.berth.compose.internal.dotenv;

/**
 * An env file that cannot be read or parsed. The message is compose-go's: {@code failed to read <file>: line
 * <n>: <problem>} for a parse error, {@code couldn't find env file: <path>} for a missing file.
 */
public final class DotEnvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    private DotEnvException(String file, int line, String problem, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** A problem at a line of a file: {@code failed to read .env: line 3: key cannot contain a space}. */
    static DotEnvException atLine(String file, int line, String problem, Throwable cause) {
        return new DotEnvException(file, line, problem,
                "failed to read " + file + ": line " + line + ": " + problem, cause);
    }

    /** A problem with the file as a whole, with its complete message. */
    static DotEnvException ofFile(String file, String message, Throwable cause) {
        return new DotEnvException(file, 0, message, message, cause);
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, 0 when the problem is about the whole file. */
    public int line() {
        return line;
    }

    /** The problem alone, without file or line: {@code unexpected character "!" in variable name "A!=1"}. */
    public String problem() {
        return problem;
    }
}
