package dev.apigw.samples.chat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** The handlers' answers to API Gateway: a status code and a short body. */
final class Responses {
    private Responses() {}

    static APIGatewayV2WebSocketResponse of(int statusCode, String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(statusCode);
        response.setBody(body);
        return response;
    }
}
