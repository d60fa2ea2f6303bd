package dev.apigw.runtime.httpapi;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.pipeline.IamIdentity;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes {@code requestContext.authorizer} of a payload format 2.0 event (reference 2.4): {@code
 * jwt{claims, scopes}} for a JWT authorizer, {@code lambda{...}} (the authorizer's context, values
 * keeping their JSON types) for a Lambda authorizer, {@code iam{...}} for IAM. JWT claims are
 * strings, a list claim written as AWS writes it, {@code [a b]} (reference 2.4: see
 * docs/differences.md); {@code scopes} is {@code null} when the token has none.
 */
final class EventAuthorizer {
    private EventAuthorizer() {}

    /** Writes the {@code authorizer} field of an authorization. */
    static void write(JsonGenerator g, RouteAuthorization authorization) throws IOException {
        g.writeObjectFieldStart("authorizer");
        switch (authorization.kind()) {
            case JWT -> writeJwt(g, authorization.claims(), authorization.scopes());
            case LAMBDA -> {
                g.writeFieldName("lambda");
                writeValue(g, authorization.lambdaContext());
            }
            case IAM -> writeIam(g, authorization.iam().orElseThrow());
        }
        g.writeEndObject();
    }

    private static void writeJwt(JsonGenerator g, Map<String, Object> claims, List<String> scopes)
            throws IOException {
        g.writeObjectFieldStart("jwt");
        g.writeObjectFieldStart("claims");
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            g.writeStringField(claim.getKey(), claimText(claim.getValue()));
        }
        g.writeEndObject();
        writeScopes(g, scopes);
        g.writeEndObject();
    }

    /** Writes the {@code scopes} field: {@code null} when there are none. */
    static void writeScopes(JsonGenerator g, List<String> scopes) throws IOException {
        g.writeFieldName("scopes");
        if (scopes.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String scope : scopes) {
            g.writeString(scope);
        }
        g.writeEndArray();
    }

    /** Returns a claim as a string: a list as {@code [a b]}. */
    static String claimText(Object value) {
        if (value instanceof Collection<?> list) {
            StringJoiner text = new StringJoiner(" ", "[", "]");
            list.forEach(element -> text.add(String.valueOf(element)));
            return text.toString();
        }
        return String.valueOf(value);
    }

    private static void writeIam(JsonGenerator g, IamIdentity iam) throws IOException {
        g.writeObjectFieldStart("iam");
        writeText(g, "accessKey", iam.accessKey());
        writeText(g, "accountId", iam.accountId());
        writeText(g, "callerId", iam.caller());
        g.writeNullField("cognitoIdentity");
        g.writeNullField("principalOrgId");
        writeText(g, "userArn", iam.userArn());
        writeText(g, "userId", iam.user());
        g.writeEndObject();
    }

    private static void writeText(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    /** Writes a JSON value held as maps, lists, strings, numbers, booleans and nulls. */
    static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object element : list) {
                writeValue(g, element);
            }
            g.writeEndArray();
        } else if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean) {
            g.writeObject(value);
        } else {
            g.writeString(String.valueOf(value));
        }
    }
}
