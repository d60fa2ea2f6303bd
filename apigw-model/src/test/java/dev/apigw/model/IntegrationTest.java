package dev.apigw.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Integration fields, checks and defaults (reference 4.2, 9.5 and Appendix B). */
class IntegrationTest {
    private static final String LAMBDA_URI =
            "arn:aws:apigateway:eu-west-1:lambda:path/"
                    + "2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:f/invocations";

    private static Integration.Builder valid(IntegrationType type) {
        Integration.Builder b = Integration.builder().type(type);
        switch (type) {
            case HTTP:
            case HTTP_PROXY:
                return b.httpMethod("GET").uri("https://example.com/pets");
            case AWS:
            case AWS_PROXY:
                return b.httpMethod("POST").uri(LAMBDA_URI);
            default:
                return b;
        }
    }

    @Test
    void build_mockWithoutUriAndMethod_isAccepted() {
        Integration mock = Integration.builder().type(IntegrationType.MOCK).build();

        assertThat(mock.uri()).isEmpty();
        assertThat(mock.httpMethod()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IntegrationType.class, names = "MOCK", mode = EnumSource.Mode.EXCLUDE)
    void build_noUri_throwsNamingField(IntegrationType type) {
        assertThatThrownBy(() -> valid(type).uri(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("integration uri is required");
        assertThatThrownBy(() -> valid(type).uri(" ").build())
                .hasMessage("integration uri is required");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IntegrationType.class, names = "MOCK", mode = EnumSource.Mode.EXCLUDE)
    void build_noHttpMethod_throwsAwsText(IntegrationType type) {
        assertThatThrownBy(() -> valid(type).httpMethod(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Enumeration value for HttpMethod must be non-empty");
        assertThatThrownBy(() -> valid(type).httpMethod("").build())
                .hasMessageContaining("Enumeration value for HttpMethod must be non-empty");
    }

    @Test
    void build_noType_throwsNamingField() {
        assertThatThrownBy(() -> Integration.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("integration type is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "arn:aws:apigateway:us-east-1:s3:path/bucket/key",
                "arn:aws:apigateway:us-east-1:sqs:action/SendMessage",
                "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
            })
    void build_awsProxyToNonLambdaArn_throwsAwsText(String uri) {
        assertThatThrownBy(() -> valid(IntegrationType.AWS_PROXY).uri(uri).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Integrations of type 'AWS_PROXY' currently only supports Lambda"
                                + " function and Firehose stream invocations.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "arn:aws:apigateway:us-east-1:s3:path/bucket/key",
                "arn:aws:apigateway:us-east-1:sqs:action/SendMessage",
            })
    void build_awsToServiceArn_isAccepted(String uri) {
        assertThat(valid(IntegrationType.AWS).uri(uri).build().uri()).contains(uri);
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(
            value = IntegrationType.class,
            names = {"AWS", "AWS_PROXY"})
    void build_awsArnWithoutPathOrAction_throwsAwsText(IntegrationType type) {
        for (String uri :
                new String[] {
                    "arn:aws:apigateway:us-east-1:lambda:functions/f",
                    "arn:aws:apigateway:us-east-1:s3:bucket",
                    "https://example.com/path/x"
                }) {
            assertThatThrownBy(() -> valid(type).uri(uri).build())
                    .as(uri)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("AWS ARN for integration must contain path or action");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = IntegrationType.class,
            names = {"HTTP", "HTTP_PROXY"})
    void build_httpUriNotHttp_throwsAwsText(IntegrationType type) {
        for (String uri :
                new String[] {
                    "ftp://example.com", "example.com/pets", LAMBDA_URI, "httpx://example.com"
                }) {
            assertThatThrownBy(() -> valid(type).uri(uri).build())
                    .as(uri)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid HTTP endpoint specified for URI");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://example.com",
                "https://example.com:8443/a/{id}?q=1",
                "${stageVariables.url}/pets",
                "http://${stageVariables.host}/x"
            })
    void build_httpUri_isAccepted(String uri) {
        assertThat(valid(IntegrationType.HTTP).uri(uri).build().uri()).contains(uri);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {50, 51, 1000, 28_999, 29_000})
    void build_timeoutInRange_isKept(int timeout) {
        assertThat(valid(IntegrationType.MOCK).timeoutInMillis(timeout).build().timeoutInMillis())
                .isEqualTo(timeout);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 49, -1, 29_001, 300_000})
    void build_timeoutOutOfRange_throwsNamingField(int timeout) {
        assertThatThrownBy(() -> valid(IntegrationType.HTTP).timeoutInMillis(timeout).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutInMillis must be between 50 and 29000, was " + timeout);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IntegrationType.class)
    void build_defaults_asPutIntegration(IntegrationType type) {
        Integration i = valid(type).build();

        assertThat(i.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_MATCH);
        assertThat(i.timeoutInMillis()).isEqualTo(29_000);
        assertThat(i.cacheKeyParameters()).isEmpty();
        assertThat(i.contentHandling()).isEmpty();
        assertThat(i.responseTransferMode()).isEqualTo(ResponseTransferMode.BUFFERED);
        assertThat(i.integrationTarget()).isEmpty();
        boolean http = type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY;
        assertThat(i.connectionType().orElse(null))
                .isEqualTo(http ? ConnectionType.INTERNET : null);
    }

    @Test
    void build_vpcLinkConnection_isKept() {
        Integration i =
                valid(IntegrationType.HTTP_PROXY)
                        .connectionType(ConnectionType.VPC_LINK)
                        .connectionId("${stageVariables.vpcLink}")
                        .build();

        assertThat(i.connectionType()).contains(ConnectionType.VPC_LINK);
        assertThat(i.connectionId()).contains("${stageVariables.vpcLink}");
    }

    @Test
    void integrationResponse_invalid_namesStatus() {
        assertThatThrownBy(
                        () ->
                                valid(IntegrationType.MOCK)
                                        .integrationResponse(
                                                "400", r -> r.selectionPattern("4\\d{2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("integration response 400: selectionPattern '4\\d{2'");
    }

    @Test
    void integrationResponses_keptInDefinitionOrder() {
        Integration i =
                valid(IntegrationType.MOCK)
                        .integrationResponse("500", r -> r.selectionPattern("5\\d{2}"))
                        .integrationResponse("200", r -> {})
                        .integrationResponse("404", r -> r.selectionPattern("404"))
                        .build();

        assertThat(i.integrationResponses().keySet()).containsExactly("500", "200", "404");
    }

    @Test
    void toBuilderAndCopy_roundTripAndChange() {
        Integration original =
                valid(IntegrationType.HTTP)
                        .putRequestParameter(
                                "integration.request.path.id", "method.request.path.id")
                        .putRequestTemplate("application/json", "{}")
                        .cacheNamespace("ns")
                        .timeoutInMillis(1234)
                        .integrationResponse("200", r -> {})
                        .responseTransferMode(ResponseTransferMode.STREAM)
                        .integrationTarget(
                                "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2")
                        .build();

        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
        Integration changed = original.copy(b -> b.timeoutInMillis(5000));
        assertThat(changed.timeoutInMillis()).isEqualTo(5000);
        assertThat(original.timeoutInMillis()).isEqualTo(1234);
        assertThat(changed.requestTemplates()).isEqualTo(original.requestTemplates());
        assertThat(changed.responseTransferMode()).isEqualTo(ResponseTransferMode.STREAM);
        assertThat(original.copy(b -> b.integrationTarget(null))).isNotEqualTo(original);
    }
}
