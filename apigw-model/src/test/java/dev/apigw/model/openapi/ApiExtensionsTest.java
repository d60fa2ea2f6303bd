package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExtensionsTest {
    private static RestApi root(String extensions) {
        return importYaml(
                        Docs.oas3(
                                "Roots",
                                extensions
                                        + "paths:\n  /roots:\n    get:\n"
                                        + Docs.mock().indent(6)))
                .api();
    }

    @Test
    void apply_binaryMediaTypes_set() {
        assertThat(
                        root("x-amazon-apigateway-binary-media-types: [image/png, '*/*']\n")
                                .binaryMediaTypes())
                .containsExactly("image/png", "*/*");
    }

    @Test
    void apply_apiKeySourceLowerCase_set() {
        assertThat(root("x-amazon-apigateway-api-key-source: authorizer\n").apiKeySource())
                .isEqualTo(ApiKeySourceType.AUTHORIZER);
    }

    @Test
    void apply_minimumCompressionSize_set() {
        assertThat(
                        root("x-amazon-apigateway-minimum-compression-size: 2048\n")
                                .minimumCompressionSize())
                .hasValue(2048);
    }

    @Test
    void apply_minimumCompressionSizeOutOfRange_failsWithAwsMessage() {
        assertThatThrownBy(() -> root("x-amazon-apigateway-minimum-compression-size: 10485761\n"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo("/x-amazon-apigateway-minimum-compression-size"))
                .hasMessageEndingWith(
                        "Invalid minimum compression size, must be between 0 and" + " 10485760");
    }

    @Test
    void apply_policyWithExecuteApiShorthand_expandsToApiArn() {
        RestApi api =
                importYaml(
                                Docs.oas3(
                                        "Walled",
                                        """
                x-amazon-apigateway-policy:
                  Version: '2012-10-17'
                  Statement:
                    - Effect: Deny
                      Principal: '*'
                      Action: execute-api:Invoke
                      Resource: execute-api:/*
                      Condition: {NotIpAddress: {aws:SourceIp: '${aws:SourceIp}'}}
                    - Effect: Allow
                      Principal: '*'
                      Action: execute-api:Invoke
                      Resource: [execute-api:/prod/GET/walls, 'arn:aws:execute-api:eu-west-1:1:x/*']
                paths: {}
                """),
                                ImportOptions.builder()
                                        .region("eu-west-1")
                                        .accountId("444455556666")
                                        .build())
                        .api();

        String prefix = "arn:aws:execute-api:eu-west-1:444455556666:" + api.id();
        assertThat(api.policy())
                .hasValueSatisfying(
                        p ->
                                assertThat(p)
                                        .contains("\"Resource\":\"" + prefix + "/*\"")
                                        .contains("\"" + prefix + "/prod/GET/walls\"")
                                        .contains("arn:aws:execute-api:eu-west-1:1:x/*")
                                        .contains("${aws:SourceIp}"));
    }

    @Test
    void apply_endpointConfigurationInOas3Server_set() {
        RestApi api =
                importYaml(
                                Docs.oas3(
                                        "Private",
                                        """
                servers:
                  - url: https://example.com
                    x-amazon-apigateway-endpoint-configuration:
                      vpcEndpointIds: [vpce-0a1]
                      disableExecuteApiEndpoint: true
                paths: {}
                """),
                                ImportOptions.builder().endpointType(EndpointType.PRIVATE).build())
                        .api();

        assertThat(api.endpointConfiguration())
                .isEqualTo(
                        new EndpointConfiguration(
                                List.of(EndpointType.PRIVATE), List.of("vpce-0a1"), true));
    }

    @Test
    void apply_endpointConfigurationAtSwagger2Root_set() {
        RestApi api =
                importYaml(
                                "swagger: '2.0'\ninfo: {title: Old}\n"
                                        + "x-amazon-apigateway-endpoint-configuration: {disableExecuteApiEndpoint: true}\n"
                                        + "paths: {}\n")
                        .api();

        assertThat(api.endpointConfiguration().disableExecuteApiEndpoint()).isTrue();
        assertThat(api.endpointConfiguration().types()).containsExactly(EndpointType.EDGE);
    }

    @Test
    void apply_requestValidators_defaultAndOverride() {
        RestApi api =
                importYaml(
                                Docs.oas3(
                                        "Checked",
                                        """
                x-amazon-apigateway-request-validators:
                  body: {validateRequestBody: true}
                  both: {validateRequestBody: true, validateRequestParameters: true}
                x-amazon-apigateway-request-validator: both
                paths:
                  /a:
                    get: {x-amazon-apigateway-integration: {type: mock}}
                  /b:
                    get: {x-amazon-apigateway-request-validator: body, x-amazon-apigateway-integration: {type: mock}}
                """))
                        .api();

        assertThat(api.requestValidators())
                .containsExactly(
                        Map.entry("body", new RequestValidator("body", "body", true, false)),
                        Map.entry("both", new RequestValidator("both", "both", true, true)));
        Method a = api.resource("/a").orElseThrow().method("GET").orElseThrow();
        Method b = api.resource("/b").orElseThrow().method("GET").orElseThrow();
        assertThat(a.requestValidatorId()).contains("both");
        assertThat(b.requestValidatorId()).contains("body");
    }

    @Test
    void apply_unknownValidator_failsWithAwsMessage() {
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        Docs.operation(
                                                "/c",
                                                "get",
                                                "x-amazon-apigateway-request-validator: strict\n"
                                                        + Docs.mock())))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo(
                                                "/paths/~1c/get/x-amazon-apigateway-request-validator"))
                .hasMessageContaining("Invalid Request Validator identifier specified: strict");
    }

    @Test
    void apply_gatewayResponses_set() {
        RestApi api =
                root(
                        """
                x-amazon-apigateway-gateway-responses:
                  MISSING_AUTHENTICATION_TOKEN:
                    statusCode: 404
                    responseParameters: {gatewayresponse.header.X-Lost: "'yes'"}
                    responseTemplates: {application/json: '{"message": $context.error.messageString}'}
                  DEFAULT_5XX:
                    responseTemplates: {application/json: '{"oops": true}'}
                """);

        GatewayResponse missing =
                api.gatewayResponses().get(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
        assertThat(missing.statusCode()).hasValue(404);
        assertThat(missing.responseParameters())
                .containsEntry("gatewayresponse.header.X-Lost", "'yes'");
        assertThat(api.gatewayResponses().get(GatewayResponseType.DEFAULT_5XX).statusCode())
                .isEmpty();
    }

    @Test
    void apply_unknownGatewayResponseType_failsAtType() {
        assertThatThrownBy(
                        () ->
                                root(
                                        "x-amazon-apigateway-gateway-responses:\n"
                                                + "  NOT_A_TYPE: {statusCode: '400'}\n"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo(
                                                "/x-amazon-apigateway-gateway-responses/NOT_A_TYPE"))
                .hasMessageContaining("Member must satisfy enum value set");
    }
}
