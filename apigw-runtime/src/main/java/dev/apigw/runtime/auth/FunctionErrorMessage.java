package dev.apigw.runtime.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the {@code errorMessage} of a Lambda function error ({@code
 * {"errorMessage":…,"errorType":…,"stackTrace":[…]}}) to tell a Lambda authorizer's refusal from
 * its failure (reference 8.3): only the exact message {@code Unauthorized} is a refusal, not {@code
 * unauthorized} nor {@code Unauthorized: expired}.
 */
final class FunctionErrorMessage {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String UNAUTHORIZED = "Unauthorized";

    private FunctionErrorMessage() {}

    /** Returns whether a function error's payload says exactly {@code Unauthorized}. */
    static boolean isUnauthorized(byte[] payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("errorMessage".equals(field)) {
                    return value == JsonToken.VALUE_STRING && UNAUTHORIZED.equals(p.getText());
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
