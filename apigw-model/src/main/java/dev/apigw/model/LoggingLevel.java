package dev.apigw.model;

/** The execution-log level of a method setting (API reference, {@code loggingLevel}). */
public enum LoggingLevel {
    /** No execution logs. */
    OFF,
    /** Errors only. */
    ERROR,
    /** Errors and information. */
    INFO
}
