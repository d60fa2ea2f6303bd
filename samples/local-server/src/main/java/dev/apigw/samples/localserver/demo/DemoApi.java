package dev.apigw.samples.localserver.demo;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.ApiKey;
import dev.apigw.model.RestApi;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.samples.petstore.PetsHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local server's bundled demo API, also a worked example of serving an OpenAPI file: the pet
 * store in {@code demo-api.yaml} (beside this class), imported with the importer, with its three
 * Java handlers ({@link PetsHandler}, {@link PriceHandler}, {@link EchoHandler}), the demo API key,
 * and the stage variable {@code backend} pointing the HTTP proxy route at an HTTP server, which the
 * local server provides itself under {@link #ECHO_PATH}.
 */
public final class DemoApi {
    /** The demo API key, required by {@code POST /pets}. */
    public static final String API_KEY = "demo-key-0123456789abcdef";

    /** Where the local server serves the demo's HTTP backend, outside every stage. */
    public static final String ECHO_PATH = "/_echo";

    /** The stage variable naming the HTTP proxy route's backend. */
    public static final String BACKEND_VARIABLE = "backend";

    private static final String RESOURCE = "demo-api.yaml";

    private DemoApi() {}

    /** Imports the demo definition from the bundled OpenAPI file. */
    public static RestApi definition() {
        try (InputStream in = DemoApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return OpenApiImporter.create(ImportOptions.defaults()).importStream(in).api();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the demo's functions, new instances, by the names its integration URIs use. */
    public static Map<String, LambdaFunction> functions() {
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        functions.put(
                "PetsFunction",
                LambdaHandlers.requestHandler(
                        new PetsHandler(), APIGatewayProxyRequestEvent.class));
        functions.put(
                "PriceFunction", LambdaHandlers.requestHandler(new PriceHandler(), Map.class));
        functions.put("EchoFunction", LambdaHandlers.streamHandler(new EchoHandler()));
        return functions;
    }

    /** Returns the demo key in a usage plan covering this stage of the definition. */
    public static UsagePlan usagePlan(RestApi definition, String stage, ApiKey key) {
        return UsagePlan.builder()
                .name("demo")
                .addApiStage(definition.id(), stage)
                .addApiKey(key)
                .build();
    }

    /**
     * Returns the demo deployed to a stage, its HTTP proxy route sending to {@code backendUrl}
     * (such as {@code http://127.0.0.1:3000/_echo}).
     */
    public static Api api(String stage, String backendUrl) {
        RestApi definition = definition();
        ApiKey key = ApiKey.builder().name("demo").value(API_KEY).build();
        Api.Builder api =
                Api.builder()
                        .restApi(definition)
                        .deploy(stage, s -> s.putVariable(BACKEND_VARIABLE, backendUrl))
                        .apiKey(key)
                        .usagePlan(usagePlan(definition, stage, key));
        functions().forEach(api::lambda);
        return api.build();
    }
}
