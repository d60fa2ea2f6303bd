package dev.apigw.samples.localserver;

/**
 * A user error that stops the server from starting: a bad flag, an unreadable or invalid spec, a
 * handler class that cannot be used, a port in use. Its message is the one line printed; it has no
 * stack trace, since the user needs none.
 */
public final class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit status of a bad command line. */
    public static final int USAGE = 2;

    /** Exit status of anything else that prevents serving. */
    public static final int FAILURE = 1;

    private final int exitStatus;

    /** Creates an exception with its one-line message and the process exit status. */
    public LaunchException(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    static LaunchException usage(String message) {
        return new LaunchException(message, USAGE);
    }

    static LaunchException failure(String message) {
        return new LaunchException(message, FAILURE);
    }

    /** Returns the exit status the process ends with. */
    public int exitStatus() {
        return exitStatus;
    }
}
