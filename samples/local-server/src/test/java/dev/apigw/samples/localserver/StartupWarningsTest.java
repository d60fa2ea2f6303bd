package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local server warns about when it starts. */
class StartupWarningsTest {
    private static final String SPEC =
            String.join(
                    "\n",
                    "openapi: 3.0.1",
                    "info: {title: orders, version: '1'}",
                    "paths:",
                    "  /orders:",
                    "    get:",
                    "      security: [{tokenAuth: []}]",
                    "      x-amazon-apigateway-integration:",
                    "        type: aws_proxy",
                    "        httpMethod: POST",
                    "        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:123456789012:function:OrdersFunction/invocations",
                    "  /health:",
                    "    get:",
                    "      x-amazon-apigateway-integration:",
                    "        type: mock",
                    "        requestTemplates: {application/json: '{\"statusCode\": 200}'}",
                    "        responses: {default: {statusCode: '200'}}",
                    "components:",
                    "  securitySchemes:",
                    "    tokenAuth:",
                    "      type: apiKey",
                    "      name: Authorization",
                    "      in: header",
                    "      x-amazon-apigateway-authtype: custom",
                    "      x-amazon-apigateway-authorizer:",
                    "        type: token",
                    "        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                            + "functions/arn:aws:lambda:us-east-1:123456789012:function:AuthFunction/"
                            + "invocations",
                    "");

    @TempDir Path dir;

    @Test
    void launch_unboundFunctionsOfIntegrationAndAuthorizer_warnOneLineEachNamingTheMethod()
            throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), SPEC);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (RunningServer running =
                LocalServerMain.launch(
                        ServerOptions.parse(List.of("--spec", spec.toString(), "--port", "0")),
                        line -> {},
                        new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(running.server().port()).isPositive();
            assertThat(err.toString(StandardCharsets.UTF_8).lines())
                    .containsExactly(
                            "apigw-local: warning: GET /orders: no Lambda function is bound for"
                                    + " OrdersFunction; bind it with --lambda OrdersFunction=CLASS",
                            "apigw-local: warning: GET /orders: authorizer 'tokenAuth': no Lambda"
                                    + " function is bound for AuthFunction; bind it with --lambda"
                                    + " AuthFunction=CLASS");
        }
    }

    @Test
    void launch_templateThatDoesNotParse_warnsNamingItAndServesTheRest() throws Exception {
        String spec =
                SPEC.replace(
                        "requestTemplates: {application/json: '{\"statusCode\": 200}'}",
                        "requestTemplates: {application/json: '#if('}");
        Path file = Files.writeString(dir.resolve("api.yaml"), spec);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (RunningServer running =
                LocalServerMain.launch(
                        ServerOptions.parse(List.of("--spec", file.toString(), "--port", "0")),
                        line -> {},
                        new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(running.server().port()).isPositive();
            assertThat(err.toString(StandardCharsets.UTF_8).lines())
                    .anySatisfy(
                            line ->
                                    assertThat(line)
                                            .startsWith(
                                                    "apigw-local: warning: /health GET integration"
                                                            + " request template application/json: does not parse"));
        }
    }

    @Test
    void launch_demo_warnsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (RunningServer running =
                LocalServerMain.launch(
                        ServerOptions.parse(List.of("--port", "0")),
                        line -> {},
                        new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThat(running.server().port()).isPositive();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void unboundFunctions_nameThroughStageVariable_usesTheStageValue() {
        RestApi api =
                RestApi.builder()
                        .name("a")
                        .resource(
                                "/pay",
                                r ->
                                        r.method(
                                                "POST",
                                                m ->
                                                        m.integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                                                                                + "arn:aws:lambda:us-east-1:123456789012:function:"
                                                                                                + "${stageVariables.fn}:live/invocations"))))
                        .build();

        assertThat(UnboundFunctions.of(api, Set.of(), Map.of("fn", "Pay")))
                .containsExactly(
                        "POST /pay: no Lambda function is bound for Pay:live; bind it with --lambda"
                                + " Pay:live=CLASS");
        assertThat(UnboundFunctions.of(api, Set.of("Pay"), Map.of("fn", "Pay"))).isEmpty();
        assertThat(UnboundFunctions.of(api, Set.of(), Map.of())).isEmpty();
    }

    @Test
    void unboundFunctions_httpApiLambdaIntegrationAndAuthorizer_warnNamingTheRouteKey() {
        HttpApi api =
                HttpApi.builder("h")
                        .integration(
                                HttpIntegration.builder("pets")
                                        .lambdaProxy(
                                                "arn:aws:lambda:us-east-1:123456789012:function:"
                                                        + "Pets")
                                        .build())
                        .authorizer(
                                HttpAuthorizer.lambda(
                                                "gate",
                                                "arn:aws:lambda:us-east-1:123456789012:function:"
                                                        + "Gate",
                                                "2.0")
                                        .authorizerId("a1")
                                        .build())
                        .route("GET /pets", r -> r.integrationId("pets").custom("a1"))
                        .route("POST /pets", "pets")
                        .build();

        assertThat(UnboundFunctions.of(api, Set.of(), Map.of()))
                .containsExactly(
                        "GET /pets: no Lambda function is bound for Pets; bind it with --lambda"
                                + " Pets=CLASS",
                        "GET /pets: authorizer 'gate': no Lambda function is bound for Gate; bind"
                                + " it with --lambda Gate=CLASS",
                        "POST /pets: no Lambda function is bound for Pets; bind it with --lambda"
                                + " Pets=CLASS");
        assertThat(UnboundFunctions.of(api, Set.of("Pets", "Gate"), Map.of())).isEmpty();
    }

    @Test
    void startupWarnings_severalSources_printInTheOrderAdded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new StartupWarnings()
                .addAll(List.of("a"))
                .addAll(List.of("b", "c"))
                .print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "apigw-local: warning: a",
                        "apigw-local: warning: b",
                        "apigw-local: warning: c");
    }
}
