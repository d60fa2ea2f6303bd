package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import java.util.Base64;

/**
 * The embedded API of the tests: {@code ANY /{proxy+}} on {@link EchoFunction} (Lambda proxy),
 * {@code GET /} and {@code GET /status} on MOCK ({@code /status} answers 418 with the stage and
 * path it saw), binary media types {@code image/png} and {@code application/octet-stream}.
 */
final class TestApis {
    static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, (byte) 0xfe, 0x7f
    };
    static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    private static final String ECHO_URI =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31"
                    + "/functions/arn:aws:lambda:us-east-1:123456789012:function:echo/invocations";

    private TestApis() {}

    static RestApi definition() {
        return RestApi.builder()
                .name("adapter-test")
                .addBinaryMediaType("image/png")
                .addBinaryMediaType("application/octet-stream")
                .resource(
                        "/",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"statusCode\": 200}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .putResponseTemplate(
                                                                                                                "application/json",
                                                                                                                "{\"root\": \"$context.stage\"}")))))
                .resource(
                        "/status",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse(
                                                                "418",
                                                                mr ->
                                                                        mr.putResponseParameter(
                                                                                "method.response.header.X-Teapot",
                                                                                false))
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"statusCode\": 418}")
                                                                                .integrationResponse(
                                                                                        "418",
                                                                                        ir ->
                                                                                                ir.putResponseParameter(
                                                                                                                "method.response.header.X-Teapot",
                                                                                                                "'short and stout'")
                                                                                                        .putResponseTemplate(
                                                                                                                "application/json",
                                                                                                                "{\"stage\": \"$context.stage\", "
                                                                                                                        + "\"path\": \"$context.path\", "
                                                                                                                        + "\"ip\": "
                                                                                                                        + "\"$context.identity.sourceIp\"}")))))
                .resource(
                        "/{proxy+}",
                        r ->
                                r.method(
                                        "ANY",
                                        m ->
                                                m.integration(
                                                        i ->
                                                                i.type(IntegrationType.AWS_PROXY)
                                                                        .httpMethod("POST")
                                                                        .uri(ECHO_URI))))
                .build();
    }

    /** Returns the API deployed to the given stages, with the echo function bound. */
    static Api api(String... stages) {
        Api.Builder api = Api.builder().restApi(definition());
        for (String stage : stages) {
            api.deploy(stage);
        }
        return api.lambda(
                        "echo",
                        LambdaHandlers.requestHandler(
                                new EchoFunction(), APIGatewayProxyRequestEvent.class))
                .build();
    }
}
