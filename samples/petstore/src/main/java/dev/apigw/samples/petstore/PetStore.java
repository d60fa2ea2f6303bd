package dev.apigw.samples.petstore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.ApiKey;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.runtime.Api;

/**
 * The pet store API: {@code GET /pets} and {@code GET /pets/{petId}} on a Lambda proxy integration,
 * {@code POST /pets} the same but with an API key, {@code GET /health} on MOCK, and a customised
 * MISSING_AUTHENTICATION_TOKEN answering 404 for unknown paths.
 */
public final class PetStore {
    /** The API key the sample accepts on {@code POST /pets}. */
    public static final String API_KEY = "petstore-demo-key-0123456789";

    private static final String FUNCTION_URI =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31"
                    + "/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations";

    private PetStore() {}

    /** Returns the definition. */
    public static RestApi definition() {
        return RestApi.builder()
                .name("petstore")
                .resource(
                        "/pets",
                        r ->
                                r.method("GET", m -> m.integration(PetStore::pets))
                                        .method(
                                                "POST",
                                                m ->
                                                        m.apiKeyRequired(true)
                                                                .integration(PetStore::pets)))
                .resource("/pets/{petId}", r -> r.method("GET", m -> m.integration(PetStore::pets)))
                .resource(
                        "/health",
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
                                                                                                                "{\"status\": \"ok\", \"stage\": \"$context.stage\"}")))))
                .gatewayResponse(
                        GatewayResponseType.MISSING_AUTHENTICATION_TOKEN,
                        g ->
                                g.statusCode(404)
                                        .putResponseTemplate(
                                                "application/json",
                                                "{\"message\": \"no route\", \"path\": \"$context.path\"}"))
                .build();
    }

    private static void pets(dev.apigw.model.Integration.Builder i) {
        i.type(IntegrationType.AWS_PROXY).httpMethod("POST").uri(FUNCTION_URI);
    }

    /** Returns the API deployed to stage {@code dev}, with the handler bound and the key set. */
    public static Api api() {
        RestApi definition = definition();
        ApiKey key = ApiKey.builder().name("demo").value(API_KEY).build();
        return Api.builder()
                .restApi(definition)
                .deploy("dev")
                .lambda(
                        "pets",
                        LambdaHandlers.requestHandler(
                                new PetsHandler(), APIGatewayProxyRequestEvent.class))
                .apiKey(key)
                .usagePlan(
                        UsagePlan.builder()
                                .name("demo")
                                .addApiStage(definition.id(), "dev")
                                .addApiKey(key)
                                .build())
                .build();
    }
}
