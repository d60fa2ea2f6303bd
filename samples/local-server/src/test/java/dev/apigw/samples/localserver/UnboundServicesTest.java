package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.IntegrationType;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.runtime.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The startup warnings for AWS service integrations (reference 4.2) that no {@code --aws-endpoint}
 * covers, for a {@code --spec} REST API, a {@code --spec} HTTP API and a {@code --template} REST
 * API, a WebSocket API's routes; and the service name read from an integration URI.
 */
class UnboundServicesTest {
    private static final String REST =
            """
            openapi: 3.0.1
            info: {title: queue, version: '1'}
            paths:
              /send:
                post:
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue
                    responses: {default: {statusCode: '200'}}
              /items:
                get:
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                    responses: {default: {statusCode: '200'}}
              /fn:
                get:
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Fn/invocations
                    responses: {default: {statusCode: '200'}}
            """;

    private static final String HTTP =
            """
            openapi: 3.0.1
            info: {title: events, version: '1'}
            x-amazon-apigateway-importexport-version: '1.0'
            paths:
              /submit:
                post:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    integrationSubtype: SQS-SendMessage
                    payloadFormatVersion: '1.0'
                    requestParameters:
                      QueueUrl: http://127.0.0.1:1/000000000000/queue
                      MessageBody: $request.body
              /events:
                post:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    integrationSubtype: EventBridge-PutEvents
                    payloadFormatVersion: '1.0'
                    requestParameters:
                      Detail: $request.body
                      DetailType: t
                      Source: s
            """;

    @TempDir Path dir;

    private List<String> warnings(String file, String content, String... flags) throws Exception {
        Path path = Files.writeString(dir.resolve(file), content);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                file.startsWith("template") ? "--template" : "--spec",
                                path.toString()));
        args.addAll(List.of(flags));
        ApiAssembly assembly =
                ApiAssembly.build(
                        ServerOptions.parse(args), "http://127.0.0.1:1", null, Gateway::create);
        try {
            return assembly.warnings().lines();
        } finally {
            assembly.resources().close();
        }
    }

    @Test
    void restSpec_withoutAwsEndpoint_warnsOncePerServiceMethodNotForLambda() throws Exception {
        assertThat(warnings("rest.yaml", REST))
                .filteredOn(line -> line.contains("--aws-endpoint"))
                .containsExactlyInAnyOrder(
                        "POST /send: the sqs service integration (AWS) answers 500 without an AWS"
                                + " endpoint; give one with --aws-endpoint URL or --aws-endpoint"
                                + " sqs=URL",
                        "GET /items: the dynamodb service integration (AWS) answers 500 without"
                                + " an AWS endpoint; give one with --aws-endpoint URL or"
                                + " --aws-endpoint dynamodb=URL");
    }

    @Test
    void restSpec_withAPlainAwsEndpoint_warnsNothing() throws Exception {
        assertThat(warnings("rest.yaml", REST, "--aws-endpoint", "http://127.0.0.1:4566"))
                .noneMatch(line -> line.contains("--aws-endpoint"));
    }

    @Test
    void httpSpec_withoutAwsEndpoint_warnsPerRouteNamingTheSubtype() throws Exception {
        assertThat(warnings("http.yaml", HTTP))
                .filteredOn(line -> line.contains("--aws-endpoint"))
                .containsExactlyInAnyOrder(
                        "POST /submit: the sqs service integration (SQS-SendMessage) answers 500"
                                + " without an AWS endpoint; give one with --aws-endpoint URL or"
                                + " --aws-endpoint sqs=URL",
                        "POST /events: the events service integration (EventBridge-PutEvents)"
                                + " answers 500 without an AWS endpoint; give one with"
                                + " --aws-endpoint URL or --aws-endpoint events=URL");
    }

    @Test
    void httpSpec_endpointForOneService_warnsOnlyForTheOther() throws Exception {
        assertThat(warnings("http.yaml", HTTP, "--aws-endpoint", "sqs=http://127.0.0.1:9324"))
                .filteredOn(line -> line.contains("--aws-endpoint"))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("POST /events: the events "));
    }

    @Test
    void template_restApiWithoutAwsEndpoint_warns() throws Exception {
        String template =
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  QueueApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      OpenApiVersion: '3.0.1'
                      DefinitionBody:
                """
                        + REST.indent(8);

        assertThat(warnings("template.yaml", template))
                .anySatisfy(line -> assertThat(line).startsWith("POST /send: the sqs service"));
        assertThat(warnings("template.yaml", template, "--aws-endpoint", "http://127.0.0.1:1"))
                .noneMatch(line -> line.contains("--aws-endpoint"));
    }

    @Test
    void webSocketApi_awsServiceRoutes_warnUnlessTheirServiceHasAnEndpoint() {
        WebSocketApi api =
                WebSocketApi.builder("ws")
                        .routeSelectionExpression("$request.body.action")
                        .integration(
                                WebSocketIntegration.builder("q")
                                        .integrationType(IntegrationType.AWS)
                                        .integrationUri(
                                                "arn:aws:apigateway:us-east-1:sqs:path/1/queue")
                                        .build())
                        .integration(WebSocketIntegration.builder("m").mock().build())
                        .route("send", "q")
                        .route("$default", "m")
                        .build();

        assertThat(UnboundServices.of(api, ServerOptions.parse(List.of("--template", "t.yaml"))))
                .containsExactly(
                        "send: the sqs service integration (AWS) answers 500 without an AWS"
                                + " endpoint; give one with --aws-endpoint URL or --aws-endpoint"
                                + " sqs=URL");
        assertThat(
                        UnboundServices.of(
                                api,
                                ServerOptions.parse(
                                        List.of(
                                                "--template",
                                                "t.yaml",
                                                "--aws-endpoint",
                                                "sqs=http://127.0.0.1:1"))))
                .isEmpty();
    }

    @Test
    void service_ofIntegrationUris() {
        assertThat(UnboundServices.service("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"))
                .contains("sqs");
        assertThat(UnboundServices.service("arn:aws:apigateway:eu-west-1:my-bucket.s3:path/k"))
                .contains("s3");
        assertThat(
                        UnboundServices.service(
                                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f"))
                .isEmpty();
        assertThat(UnboundServices.service("https://example.com/")).isEmpty();
    }
}
