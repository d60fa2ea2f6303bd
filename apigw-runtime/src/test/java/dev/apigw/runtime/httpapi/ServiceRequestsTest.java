package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.runtime.spi.AwsServiceRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The call each integration subtype makes (reference 4.2, 11.1; docs/differences.md). */
class ServiceRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AwsServiceRequest request(IntegrationSubtype subtype, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return ServiceRequests.request(subtype, values, "us-east-1", "", Duration.ofSeconds(1));
    }

    private static JsonNode body(AwsServiceRequest request) throws Exception {
        return JSON.readTree(request.body());
    }

    @ParameterizedTest
    @EnumSource(IntegrationSubtype.class)
    void request_eachSubtype_namesItsServiceAndAction(IntegrationSubtype subtype) {
        AwsServiceRequest request = request(subtype);

        assertThat(request.action()).isEqualTo(subtype.awsName().split("-")[1]);
        assertThat(request.service()).isIn("sqs", "events", "kinesis", "states", "appconfig");
        assertThat(request.region()).isEqualTo("us-east-1");
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void request_valuesNotOfTheApiType_areSentAsText() throws Exception {
        JsonNode body =
                body(
                        request(
                                IntegrationSubtype.SQS_SEND_MESSAGE,
                                "DelaySeconds",
                                "soon",
                                "MessageAttributes",
                                "not json",
                                "MessageSystemAttributes",
                                "[1]"));

        assertThat(body.get("DelaySeconds").isTextual()).isTrue();
        assertThat(body.get("MessageAttributes").asText()).isEqualTo("not json");
        assertThat(body.get("MessageSystemAttributes").asText()).isEqualTo("[1]");
    }

    @Test
    void request_listNotAJsonArray_isSplitOnCommas() throws Exception {
        JsonNode body =
                body(
                        request(
                                IntegrationSubtype.SQS_RECEIVE_MESSAGE,
                                "AttributeNames",
                                "{\"a\":1}",
                                "MessageAttributeNames",
                                " a , ,b "));

        assertThat(body.get("AttributeNames").toString()).isEqualTo("[\"{\\\"a\\\":1}\"]");
        assertThat(body.get("MessageAttributeNames").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void request_emptyValuesAndEmptyRegion_areNotSent() throws Exception {
        AwsServiceRequest request =
                request(
                        IntegrationSubtype.STEPFUNCTIONS_STOP_EXECUTION,
                        "ExecutionArn",
                        "arn:e",
                        "Cause",
                        "",
                        "Region",
                        "");

        assertThat(request.region()).isEqualTo("us-east-1");
        assertThat(body(request).toString()).isEqualTo("{\"ExecutionArn\":\"arn:e\"}");
    }

    @Test
    void request_eventBridgeTime_numericIsANumberElseText() throws Exception {
        JsonNode numeric =
                body(request(IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS, "Time", "1700000000"));
        JsonNode text =
                body(
                        request(
                                IntegrationSubtype.EVENTBRIDGE_PUT_EVENTS,
                                "Time",
                                "2026-12-04T00:00:00Z"));

        assertThat(numeric.get("Entries").get(0).get("Time").isNumber()).isTrue();
        assertThat(text.get("Entries").get(0).get("Time").asText())
                .isEqualTo("2026-12-04T00:00:00Z");
    }
}
