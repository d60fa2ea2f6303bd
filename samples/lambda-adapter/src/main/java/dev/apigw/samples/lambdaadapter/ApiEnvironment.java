package dev.apigw.samples.lambdaadapter;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.spi.LambdaFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Builds the embedded {@link Api} from environment variables, for the handlers' no-argument
 * constructors (the ones the Lambda runtime calls, once per execution environment):
 *
 * <ul>
 *   <li>{@value #OPENAPI} (required): the classpath resource holding the OpenAPI or Swagger file,
 *       JSON or YAML, with its {@code x-amazon-apigateway-*} extensions, e.g. {@code openapi.yaml}
 *       packaged in the function's jar;
 *   <li>{@value #STAGE} (optional, default {@value #DEFAULT_STAGE}): the stage the API is deployed
 *       to and served under ({@code $context.stage}; use the front's stage name to keep paths the
 *       same);
 *   <li>{@value #FUNCTIONS} (optional): comma-separated {@code name=fully.qualified.HandlerClass}
 *       pairs binding the Lambda functions the integrations name ({@code function:pets} in a URI,
 *       or {@code ${PetsFunction.Arn}}) to handler classes in the same jar. Each class is a {@code
 *       RequestStreamHandler} or a {@code RequestHandler<I, O>} with a public no-argument
 *       constructor, instantiated by name as the Lambda runtime instantiates handlers, and run
 *       unchanged through {@link LambdaHandlers}.
 * </ul>
 *
 * <p>Example: {@code APIGW_OPENAPI=openapi.yaml}, {@code APIGW_STAGE=prod}, {@code
 * APIGW_FUNCTIONS=PetsFunction=com.example.PetsHandler,orders=com.example.OrdersHandler}.
 */
public final class ApiEnvironment {
    /** The variable naming the OpenAPI classpath resource. */
    public static final String OPENAPI = "APIGW_OPENAPI";

    /** The variable naming the stage. */
    public static final String STAGE = "APIGW_STAGE";

    /** The variable binding function names to handler classes. */
    public static final String FUNCTIONS = "APIGW_FUNCTIONS";

    /** The stage used when {@value #STAGE} is not set. */
    public static final String DEFAULT_STAGE = "default";

    private ApiEnvironment() {}

    /**
     * Returns the API these variables describe, deployed to one stage; fails with an {@link
     * IllegalStateException} naming the variable that is missing or wrong.
     */
    public static Api load(Map<String, String> environment) {
        String resource = environment.get(OPENAPI);
        if (resource == null || resource.isBlank()) {
            throw new IllegalStateException(
                    OPENAPI
                            + " is not set: name the OpenAPI file on the"
                            + " classpath, e.g. "
                            + OPENAPI
                            + "=openapi.yaml");
        }
        String stage = environment.getOrDefault(STAGE, DEFAULT_STAGE);
        Api.Builder api = Api.builder().restApi(definition(resource.trim())).deploy(stage.trim());
        String functions = environment.getOrDefault(FUNCTIONS, "");
        for (String binding : functions.split(",")) {
            if (binding.isBlank()) {
                continue;
            }
            int eq = binding.indexOf('=');
            if (eq <= 0 || eq == binding.length() - 1) {
                throw new IllegalStateException(
                        FUNCTIONS
                                + ": expected name=HandlerClass but got '"
                                + binding.trim()
                                + "'");
            }
            String name = binding.substring(0, eq).trim();
            api.lambda(name, function(binding.substring(eq + 1).trim()));
        }
        return api.build();
    }

    private static RestApi definition(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = ApiEnvironment.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + ": no classpath resource '" + name + "'");
            }
            return OpenApiImporter.create().importStream(in).api();
        } catch (IOException e) {
            throw new UncheckedIOException(OPENAPI + ": cannot read '" + name + "'", e);
        }
    }

    private static LambdaFunction function(String className) {
        Object handler;
        try {
            handler =
                    Class.forName(className, true, ApiEnvironment.class.getClassLoader())
                            .getConstructor()
                            .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException(
                    FUNCTIONS
                            + ": cannot create "
                            + className
                            + " with a public no-argument constructor: "
                            + e,
                    e);
        }
        if (handler instanceof RequestStreamHandler stream) {
            return LambdaHandlers.streamHandler(stream);
        }
        if (handler instanceof RequestHandler<?, ?> typed) {
            return requestHandler(typed, inputType(handler.getClass()));
        }
        throw new IllegalStateException(
                FUNCTIONS
                        + ": "
                        + className
                        + " is neither a RequestHandler nor a RequestStreamHandler");
    }

    // The input type was read from the class's own RequestHandler<I, O> declaration.
    @SuppressWarnings("unchecked")
    private static LambdaFunction requestHandler(RequestHandler<?, ?> handler, Class<?> input) {
        return LambdaHandlers.requestHandler(
                (RequestHandler<Object, Object>) handler, (Class<Object>) input);
    }

    /** Returns {@code I} of the {@code RequestHandler<I, O>} a class or its superclass declares. */
    private static Class<?> inputType(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof Class<?> k) {
                        return k;
                    }
                    if (input instanceof ParameterizedType q
                            && q.getRawType() instanceof Class<?> k) {
                        return k;
                    }
                }
            }
        }
        throw new IllegalStateException(
                FUNCTIONS
                        + ": cannot tell the input type of "
                        + handlerClass.getName()
                        + "; declare it as RequestHandler<Input, Output>");
    }
}
