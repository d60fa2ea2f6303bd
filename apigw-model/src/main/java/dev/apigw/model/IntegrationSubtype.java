package dev.apigw.model;

import java.util.List;
import java.util.Optional;

/**
 * The AWS service actions an HTTP API integration of type {@code AWS_PROXY} can call directly
 * (reference section 4.2, {@code integrationSubtype}), each with the request parameters AWS
 * requires and those it accepts (the integration subtype reference of the developer guide).
 */
public enum IntegrationSubtype {
    /** EventBridge PutEvents. */
    EVENTBRIDGE_PUT_EVENTS(
            "EventBridge-PutEvents",
            List.of("Detail", "DetailType", "Source"),
            List.of("Time", "EventBusName", "Resources", "Region", "TraceHeader")),
    /** SQS SendMessage. */
    SQS_SEND_MESSAGE(
            "SQS-SendMessage",
            List.of("QueueUrl", "MessageBody"),
            List.of(
                    "DelaySeconds",
                    "MessageAttributes",
                    "MessageDeduplicationId",
                    "MessageGroupId",
                    "MessageSystemAttributes",
                    "Region")),
    /** SQS ReceiveMessage. */
    SQS_RECEIVE_MESSAGE(
            "SQS-ReceiveMessage",
            List.of("QueueUrl"),
            List.of(
                    "AttributeNames",
                    "MaxNumberOfMessages",
                    "MessageAttributeNames",
                    "ReceiveRequestAttemptId",
                    "VisibilityTimeout",
                    "WaitTimeSeconds",
                    "Region")),
    /** SQS DeleteMessage. */
    SQS_DELETE_MESSAGE(
            "SQS-DeleteMessage", List.of("ReceiptHandle", "QueueUrl"), List.of("Region")),
    /** SQS PurgeQueue. */
    SQS_PURGE_QUEUE("SQS-PurgeQueue", List.of("QueueUrl"), List.of("Region")),
    /** AppConfig GetConfiguration. */
    APPCONFIG_GET_CONFIGURATION(
            "AppConfig-GetConfiguration",
            List.of("Application", "Environment", "Configuration", "ClientId"),
            List.of("ClientConfigurationVersion", "Region")),
    /** Kinesis PutRecord. */
    KINESIS_PUT_RECORD(
            "Kinesis-PutRecord",
            List.of("StreamName", "Data", "PartitionKey"),
            List.of("SequenceNumberForOrdering", "ExplicitHashKey", "Region")),
    /** Step Functions StartExecution. */
    STEPFUNCTIONS_START_EXECUTION(
            "StepFunctions-StartExecution",
            List.of("StateMachineArn"),
            List.of("Name", "Input", "Region")),
    /** Step Functions StartSyncExecution. */
    STEPFUNCTIONS_START_SYNC_EXECUTION(
            "StepFunctions-StartSyncExecution",
            List.of("StateMachineArn"),
            List.of("Name", "Input", "Region", "TraceHeader")),
    /** Step Functions StopExecution. */
    STEPFUNCTIONS_STOP_EXECUTION(
            "StepFunctions-StopExecution",
            List.of("ExecutionArn"),
            List.of("Cause", "Error", "Region"));

    private final String awsName;
    private final List<String> requiredParameters;
    private final List<String> optionalParameters;

    IntegrationSubtype(String awsName, List<String> required, List<String> optional) {
        this.awsName = awsName;
        this.requiredParameters = required;
        this.optionalParameters = optional;
    }

    /** Returns the name AWS writes, e.g. {@code SQS-SendMessage}. */
    public String awsName() {
        return awsName;
    }

    /**
     * Returns the AWS service the action calls, as its endpoint and SigV4 signing name call it:
     * {@code sqs}, {@code events}, {@code kinesis}, {@code appconfig} or {@code states}.
     */
    public String service() {
        return switch (this) {
            case SQS_SEND_MESSAGE, SQS_RECEIVE_MESSAGE, SQS_DELETE_MESSAGE, SQS_PURGE_QUEUE ->
                    "sqs";
            case EVENTBRIDGE_PUT_EVENTS -> "events";
            case KINESIS_PUT_RECORD -> "kinesis";
            case APPCONFIG_GET_CONFIGURATION -> "appconfig";
            case STEPFUNCTIONS_START_EXECUTION,
                    STEPFUNCTIONS_START_SYNC_EXECUTION,
                    STEPFUNCTIONS_STOP_EXECUTION ->
                    "states";
        };
    }

    /** Returns the request parameters the action requires. */
    public List<String> requiredParameters() {
        return requiredParameters;
    }

    /** Returns the request parameters the action accepts besides the required ones. */
    public List<String> optionalParameters() {
        return optionalParameters;
    }

    /** Returns the subtype AWS names {@code name} (case-insensitive), if any. */
    public static Optional<IntegrationSubtype> fromAwsName(String name) {
        for (IntegrationSubtype subtype : values()) {
            if (subtype.awsName.equalsIgnoreCase(name)) {
                return Optional.of(subtype);
            }
        }
        return Optional.empty();
    }
}
