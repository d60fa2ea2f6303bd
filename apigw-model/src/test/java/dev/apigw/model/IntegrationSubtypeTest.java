package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parameter table of the AWS service integration subtypes (reference 4.2; the developer guide's
 * integration subtype reference) and the build-time check of an integration's parameters against
 * it.
 */
class IntegrationSubtypeTest {
    private static Map<String, String> required(IntegrationSubtype subtype) {
        Map<String, String> parameters = new LinkedHashMap<>();
        subtype.requiredParameters().forEach(name -> parameters.put(name, "$request.body." + name));
        return parameters;
    }

    private static HttpIntegration build(IntegrationSubtype subtype, Map<String, String> params) {
        return HttpIntegration.builder("svc").awsService(subtype, params).build();
    }

    @Test
    void table_ofEachSubtype_isTheDeveloperGuideTable() {
        assertThat(IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS.requiredParameters())
                .containsExactly("Detail", "DetailType", "Source");
        assertThat(IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS.optionalParameters())
                .containsExactlyInAnyOrder(
                        "Time", "EventBusName", "Resources", "Region", "TraceHeader");
        assertThat(IntegrationSubtype.SQS_SEND_MESSAGE.requiredParameters())
                .containsExactly("QueueUrl", "MessageBody");
        assertThat(IntegrationSubtype.SQS_SEND_MESSAGE.optionalParameters())
                .containsExactlyInAnyOrder(
                        "DelaySeconds",
                        "MessageAttributes",
                        "MessageDeduplicationId",
                        "MessageGroupId",
                        "MessageSystemAttributes",
                        "Region");
        assertThat(IntegrationSubtype.SQS_RECEIVE_MESSAGE.requiredParameters())
                .containsExactly("QueueUrl");
        assertThat(IntegrationSubtype.SQS_RECEIVE_MESSAGE.optionalParameters())
                .containsExactlyInAnyOrder(
                        "AttributeNames",
                        "MaxNumberOfMessages",
                        "MessageAttributeNames",
                        "ReceiveRequestAttemptId",
                        "VisibilityTimeout",
                        "WaitTimeSeconds",
                        "Region");
        assertThat(IntegrationSubtype.SQS_DELETE_MESSAGE.requiredParameters())
                .containsExactlyInAnyOrder("ReceiptHandle", "QueueUrl");
        assertThat(IntegrationSubtype.SQS_PURGE_QUEUE.requiredParameters())
                .containsExactly("QueueUrl");
        assertThat(IntegrationSubtype.APPCONFIG_GET_CONFIGURATION.requiredParameters())
                .containsExactly("Application", "Environment", "Configuration", "ClientId");
        assertThat(IntegrationSubtype.APPCONFIG_GET_CONFIGURATION.optionalParameters())
                .containsExactlyInAnyOrder("ClientConfigurationVersion", "Region");
        assertThat(IntegrationSubtype.KINESIS_PUT_RECORD.requiredParameters())
                .containsExactly("StreamName", "Data", "PartitionKey");
        assertThat(IntegrationSubtype.KINESIS_PUT_RECORD.optionalParameters())
                .containsExactlyInAnyOrder(
                        "SequenceNumberForOrdering", "ExplicitHashKey", "Region");
        assertThat(IntegrationSubtype.STEPFUNCTIONS_START_EXECUTION.optionalParameters())
                .containsExactlyInAnyOrder("Name", "Input", "Region");
        assertThat(IntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION.optionalParameters())
                .containsExactlyInAnyOrder("Name", "Input", "Region", "TraceHeader");
        assertThat(IntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION.requiredParameters())
                .containsExactly("ExecutionArn");
        assertThat(IntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION.optionalParameters())
                .containsExactlyInAnyOrder("Cause", "Error", "Region");
        assertThat(IntegrationSubtype.values()).hasSize(10);
    }

    @ParameterizedTest
    @EnumSource(IntegrationSubtype.class)
    void build_everyParameterOfTheSubtype_isAccepted(IntegrationSubtype subtype) {
        Map<String, String> parameters = required(subtype);
        subtype.optionalParameters().forEach(name -> parameters.put(name, "static"));

        assertThat(build(subtype, parameters).requestParameters()).isEqualTo(parameters);
    }

    @ParameterizedTest
    @EnumSource(IntegrationSubtype.class)
    void build_eachRequiredParameterMissing_failsNamingIntegrationAndParameter(
            IntegrationSubtype subtype) {
        for (String missing : subtype.requiredParameters()) {
            Map<String, String> parameters = required(subtype);
            parameters.remove(missing);

            assertThatThrownBy(() -> build(subtype, parameters))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "integration svc: "
                                    + subtype.awsName()
                                    + " requires the parameter "
                                    + missing);
        }
    }

    @ParameterizedTest
    @EnumSource(IntegrationSubtype.class)
    void build_parameterTheSubtypeDoesNotAccept_failsWithAwsText(IntegrationSubtype subtype) {
        Map<String, String> parameters = required(subtype);
        parameters.put("Unknown", "x");

        assertThatThrownBy(() -> build(subtype, parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "integration svc: Parameter: Unknown does not fit schema for Operation: "
                                + subtype.awsName()
                                + ".");
    }

    @Test
    void build_parameterInAnotherCase_isRefusedAsOnAws() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:m");

        assertThatThrownBy(
                        () ->
                                build(
                                        IntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION,
                                        parameters))
                .hasMessageContaining(
                        "Parameter: stateMachineArn does not fit schema for Operation:"
                                + " StepFunctions-StartSyncExecution.");
    }

    @Test
    void build_parameterMappingKeyOnAServiceIntegration_isRefused() {
        Map<String, String> parameters = required(IntegrationSubtype.SQS_PURGE_QUEUE);
        parameters.put("append:header.x", "$request.header.x");

        assertThatThrownBy(() -> build(IntegrationSubtype.SQS_PURGE_QUEUE, parameters))
                .hasMessageContaining("Parameter: append:header.x does not fit schema");
    }

    @Test
    void build_requiredParameterEmpty_failsNamingIt() {
        Map<String, String> parameters = required(IntegrationSubtype.SQS_PURGE_QUEUE);
        parameters.put("QueueUrl", "");

        assertThatThrownBy(() -> build(IntegrationSubtype.SQS_PURGE_QUEUE, parameters))
                .hasMessage("integration svc: SQS-PurgeQueue requires the parameter QueueUrl");
    }

    @Test
    void fromAwsName_anyCase_findsTheSubtype() {
        assertThat(IntegrationSubtype.fromAwsName("sqs-sendmessage"))
                .contains(IntegrationSubtype.SQS_SEND_MESSAGE);
        assertThat(IntegrationSubtype.fromAwsName("SQS-Send")).isEmpty();
    }
}
