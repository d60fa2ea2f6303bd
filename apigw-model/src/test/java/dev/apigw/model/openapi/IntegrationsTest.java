package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.ResponseTransferMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationsTest {
    private static Integration integration(String extension) {
        return importYaml(
                        Docs.operation(
                                "/badgers",
                                "post",
                                "responses: {'200': {description: ok}}\nx-amazon-apigateway-integration:\n"
                                        + extension.indent(2)))
                .api()
                .resource("/badgers")
                .orElseThrow()
                .method("POST")
                .orElseThrow()
                .integration()
                .orElseThrow();
    }

    @Test
    void convert_everyField_mapped() {
        Integration i =
                integration(
                        """
                type: Http
                httpMethod: patch
                uri: https://sett.example.net/badgers
                credentials: arn:aws:iam::111122223333:role/sett
                requestParameters: {integration.request.header.X-Sett: "'deep'"}
                requestTemplates: {application/json: '{"n": $input.json("$.n")}'}
                passthroughBehavior: when_no_templates
                contentHandling: convert_to_text
                timeoutInMillis: 1234
                cacheNamespace: badgerns
                cacheKeyParameters: [method.request.querystring.page]
                connectionType: vpc_link
                connectionId: vl7
                tlsConfig: {insecureSkipVerification: true}
                responseTransferMode: stream
                integrationTarget: arn:aws:elasticloadbalancing:listener/app/x/1
                responses:
                  default:
                    statusCode: "200"
                    responseTemplates: {application/json: '$input.body'}
                    contentHandling: CONVERT_TO_BINARY
                  ".*gone.*":
                    statusCode: 410
                    responseParameters: {method.response.header.X-Why: "'gone'"}
                """);

        assertThat(i.type()).isEqualTo(IntegrationType.HTTP);
        assertThat(i.httpMethod()).contains("PATCH");
        assertThat(i.uri()).contains("https://sett.example.net/badgers");
        assertThat(i.credentials()).contains("arn:aws:iam::111122223333:role/sett");
        assertThat(i.requestParameters())
                .containsExactly(Map.entry("integration.request.header.X-Sett", "'deep'"));
        assertThat(i.requestTemplates()).containsKey("application/json");
        assertThat(i.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_TEMPLATES);
        assertThat(i.contentHandling()).contains(ContentHandlingStrategy.CONVERT_TO_TEXT);
        assertThat(i.timeoutInMillis()).isEqualTo(1234);
        assertThat(i.cacheNamespace()).contains("badgerns");
        assertThat(i.cacheKeyParameters()).containsExactly("method.request.querystring.page");
        assertThat(i.connectionType()).contains(ConnectionType.VPC_LINK);
        assertThat(i.connectionId()).contains("vl7");
        assertThat(i.insecureSkipVerification()).isTrue();
        assertThat(i.responseTransferMode()).isEqualTo(ResponseTransferMode.STREAM);
        assertThat(i.integrationTarget()).contains("arn:aws:elasticloadbalancing:listener/app/x/1");
        IntegrationResponse ok = i.integrationResponses().get("200");
        assertThat(ok.isDefault()).isTrue();
        assertThat(ok.contentHandling()).contains(ContentHandlingStrategy.CONVERT_TO_BINARY);
        assertThat(ok.responseTemplates()).containsEntry("application/json", "$input.body");
        IntegrationResponse gone = i.integrationResponses().get("410");
        assertThat(gone.selectionPattern()).contains(".*gone.*");
        assertThat(gone.responseParameters())
                .containsEntry("method.response.header.X-Why", "'gone'");
    }

    @Test
    void convert_unknownType_failsWithEnumMessageAtType() {
        assertThatThrownBy(() -> integration("type: lambda\nuri: arn:x"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo(
                                                "/paths/~1badgers/post/x-amazon-apigateway-integration/type"))
                .hasMessageContaining(
                        "Value 'lambda' at 'type' failed to satisfy constraint:"
                                + " Member must satisfy enum value set: [HTTP, AWS, MOCK, HTTP_PROXY,"
                                + " AWS_PROXY]");
    }

    @Test
    void convert_invalidSelectionPattern_failsAtResponse() {
        assertThatThrownBy(
                        () ->
                                integration(
                                        "type: mock\nresponses:\n  '([a-z':"
                                                + " {statusCode: '400'}"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo(
                                                "/paths/~1badgers/post/x-amazon-apigateway-integration"
                                                        + "/responses/([a-z"))
                .hasMessageContaining("not a valid Java regular expression");
    }

    @Test
    void convert_templateOver300Kb_failsAtTemplate() {
        String big = "x".repeat(Integrations.MAX_TEMPLATE_BYTES + 1);

        assertThatThrownBy(
                        () ->
                                integration(
                                        "type: mock\nrequestTemplates: {text/plain: " + big + "}"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e -> assertThat(e.pointer()).endsWith("/requestTemplates/text~1plain"))
                .hasMessageContaining("over AWS's limit of 300 KB");
    }

    @Test
    void convert_templateOf300Kb_imports() {
        String big = "y".repeat(Integrations.MAX_TEMPLATE_BYTES);

        assertThat(
                        integration("type: mock\nrequestTemplates: {text/plain: " + big + "}")
                                .requestTemplates()
                                .get("text/plain"))
                .hasSize(Integrations.MAX_TEMPLATE_BYTES);
    }

    @Test
    void convert_noTypeAndNoUri_importsAsMockWithWarning() {
        ImportResult result =
                importYaml(
                        Docs.operation(
                                "/stoats",
                                "get",
                                "x-amazon-apigateway-integration: {responses: {default: {statusCode: '200'}}}"));

        assertThat(
                        result.api()
                                .resource("/stoats")
                                .orElseThrow()
                                .method("GET")
                                .orElseThrow()
                                .integration()
                                .orElseThrow()
                                .type())
                .isEqualTo(IntegrationType.MOCK);
        assertThat(result.warnings())
                .extracting(ImportWarning::message)
                .containsExactly("integration has no type and no uri; imported as MOCK");
    }

    @Test
    void convert_uriWithoutType_fails() {
        assertThatThrownBy(() -> integration("uri: https://x.example.com"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageEndingWith("integration type is required");
    }

    @Test
    void convert_whatAwsOnlyRejectsWhenInvoked_imports() {
        Integration proxyGet =
                integration(
                        """
                type: aws_proxy
                httpMethod: GET
                uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations
                requestParameters: {integration.request.header.Host: "'forbidden.example'"}
                """);

        assertThat(proxyGet.httpMethod()).contains("GET");
        assertThat(proxyGet.requestParameters()).containsKey("integration.request.header.Host");
    }

    @Test
    void convert_requiredPathParameterMissingFromPath_imports() {
        var method =
                importYaml(
                                Docs.operation(
                                        "/ferrets",
                                        "get",
                                        "parameters: [{name: ferretId, in: path, required: true}]\n"
                                                + Docs.mock()))
                        .api()
                        .resource("/ferrets")
                        .orElseThrow()
                        .method("GET")
                        .orElseThrow();

        assertThat(method.requestParameters()).containsEntry("method.request.path.ferretId", true);
    }

    @Test
    void convert_awsProxyToNonLambda_failsWithAwsMessage() {
        assertThatThrownBy(
                        () ->
                                integration(
                                        "type: AWS_PROXY\nhttpMethod: POST\n"
                                                + "uri: arn:aws:apigateway:us-east-1:sqs:path/123/q"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("only supports Lambda function and Firehose");
    }

    @Test
    void convert_integrationRefToComponents_followsRef() {
        String yaml =
                Docs.oas3(
                        "Refs",
                        """
                paths:
                  /moths:
                    get:
                      x-amazon-apigateway-integration:
                        $ref: '#/components/x-amazon-apigateway-integrations/moth'
                components:
                  x-amazon-apigateway-integrations:
                    moth: {type: http_proxy, httpMethod: ANY, uri: 'https://moth.example.com'}
                """);

        assertThat(
                        importYaml(yaml)
                                .api()
                                .resource("/moths")
                                .orElseThrow()
                                .method("GET")
                                .orElseThrow()
                                .integration()
                                .orElseThrow()
                                .uri())
                .contains("https://moth.example.com");
    }

    @Test
    void convert_integrationSubtype_failsAsHttpApi() {
        assertThatThrownBy(
                        () ->
                                integration(
                                        "type: aws_proxy\nintegrationSubtype:"
                                                + " SQS-SendMessage\nrequestParameters: {MessageBody: $request.body}"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("HTTP API definition: integrationSubtype 'SQS-SendMessage'");
    }

    @Test
    void convert_payloadFormat2_importsWithWarning() {
        ImportResult result =
                importYaml(
                        Docs.operation(
                                "/newts",
                                "get",
                                """
                x-amazon-apigateway-integration:
                  type: aws_proxy
                  httpMethod: POST
                  payloadFormatVersion: '2.0'
                  uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:newt/invocations
                """));

        assertThat(result.warnings())
                .extracting(ImportWarning::pointer)
                .containsExactly(
                        "/paths/~1newts/get/x-amazon-apigateway-integration/payloadFormatVersion");
    }

    @Test
    void convert_twoPatternsForOneStatus_keepsLastWithWarning() {
        ImportResult result =
                importYaml(
                        Docs.operation(
                                "/bats",
                                "get",
                                """
                x-amazon-apigateway-integration:
                  type: mock
                  responses:
                    'a.*': {statusCode: '400'}
                    'b.*': {statusCode: '400'}
                """));

        assertThat(
                        result.api()
                                .resource("/bats")
                                .orElseThrow()
                                .method("GET")
                                .orElseThrow()
                                .integration()
                                .orElseThrow()
                                .integrationResponses()
                                .get("400")
                                .selectionPattern())
                .contains("b.*");
        assertThat(result.warnings()).hasSize(1);
        assertThat(List.of(result.warnings().get(0).pointer()))
                .containsExactly("/paths/~1bats/get/x-amazon-apigateway-integration/responses/b.*");
    }
}
