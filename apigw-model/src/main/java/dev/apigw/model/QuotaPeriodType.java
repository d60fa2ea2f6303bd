package dev.apigw.model;

/** The period of a usage-plan quota (API reference, {@code QuotaPeriodType}). */
public enum QuotaPeriodType {
    /** One UTC day. */
    DAY,
    /** One week. */
    WEEK,
    /** One month. */
    MONTH
}
