package dev.apigw.samples.localserver;

import org.slf4j.LoggerFactory;

/**
 * Logs one line through an execution-log logger, {@code
 * API-Gateway-Execution-Logs_{restApiId}/{stageName}} (reference 10.2), and one through its
 * canary's, so that a test running it on the jar's class path sees where the jar's logging
 * configuration sends them. Arguments: the REST API id, the stage, the message.
 */
public final class ExecutionLoggerProbe {
    private ExecutionLoggerProbe() {}

    /** Logs the message at INFO, and at ERROR on the canary's logger. */
    public static void main(String[] args) {
        String name = "API-Gateway-Execution-Logs_" + args[0] + "/" + args[1];
        LoggerFactory.getLogger(name).info(args[2]);
        LoggerFactory.getLogger(name + "/Canary").error(args[2] + " (canary)");
    }
}
