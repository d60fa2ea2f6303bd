package dev.apigw.samples.localserver.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The demo's {@code EchoFunction}, a {@code RequestStreamHandler} behind a Lambda proxy
 * integration: it answers 200 with the parts of its event that show what API Gateway made of the
 * request: {@code httpMethod}, {@code path} (raw, as sent), {@code resource}, {@code
 * pathParameters}, {@code multiValueQueryStringParameters}, {@code domainName}, {@code sourceIp}
 * and {@code body}.
 */
public final class EchoHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode event = JSON.readTree(input);
        ObjectNode echo = JSON.createObjectNode();
        for (String field :
                new String[] {
                    "httpMethod",
                    "path",
                    "resource",
                    "pathParameters",
                    "multiValueQueryStringParameters",
                    "body"
                }) {
            echo.set(field, event.path(field).isMissingNode() ? null : event.get(field));
        }
        echo.set("domainName", event.path("requestContext").path("domainName"));
        echo.set("sourceIp", event.path("requestContext").path("identity").path("sourceIp"));
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", 200);
        response.putObject("headers").put("Content-Type", "application/json");
        response.put("body", JSON.writeValueAsString(echo));
        JSON.writeValue(output, response);
    }
}
