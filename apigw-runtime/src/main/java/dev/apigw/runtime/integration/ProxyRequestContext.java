package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.AuthorizerOutput;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the {@code requestContext} of a Lambda proxy event (reference 2.1): the {@code $context}
 * variables in the order of real AWS events, {@code requestTimeEpoch} as a number, {@code identity}
 * with unset fields as {@code null}, {@code apiKey}/{@code apiKeyId} only when an API key was used
 * and {@code clientCert} only over mutual TLS; {@code authorizer} only when a Lambda or Cognito
 * authorizer ran: the Lambda authorizer's {@code principalId}, its {@code context} keys with their
 * JSON types and {@code integrationLatency}, or a Cognito token's {@code claims} (strings) and, for
 * an access token, {@code scopes}. Internal: a REQUEST Lambda authorizer's event reuses it
 * (reference 8.3).
 */
public final class ProxyRequestContext {
    private static final String[] BEFORE_EPOCH = {
        "resourceId",
        "resourcePath",
        "httpMethod",
        "extendedRequestId",
        "requestTime",
        "path",
        "accountId",
        "protocol",
        "stage",
        "domainPrefix"
    };
    private static final String[] IDENTITY = {
        "cognitoIdentityPoolId",
        "accountId",
        "cognitoIdentityId",
        "caller",
        "sourceIp",
        "principalOrgId",
        "accessKey",
        "cognitoAuthenticationType",
        "cognitoAuthenticationProvider",
        "userArn",
        "userAgent",
        "user"
    };
    private static final String[] AFTER_IDENTITY = {"domainName", "deploymentId", "apiId"};
    private static final EventFields BEFORE_EPOCH_FIELDS = EventFields.of(BEFORE_EPOCH);
    private static final EventFields IDENTITY_FIELDS = EventFields.of(IDENTITY);
    private static final EventFields AFTER_IDENTITY_FIELDS = EventFields.of(AFTER_IDENTITY);
    private static final String[] IDENTITY_VARIABLES = new String[IDENTITY.length];

    static {
        for (int i = 0; i < IDENTITY.length; i++) {
            IDENTITY_VARIABLES[i] = "identity." + IDENTITY[i];
        }
    }

    private ProxyRequestContext() {}

    /** Writes the {@code requestContext} field. */
    public static void write(JsonGenerator g, Exchange exchange) throws IOException {
        ContextVariables context = exchange.state().contextVariables();
        g.writeFieldName(EventFields.REQUEST_CONTEXT);
        g.writeStartObject();
        ContextVariables.Variable[] before = context.resolve(BEFORE_EPOCH);
        for (int i = 0; i < before.length; i++) {
            BEFORE_EPOCH_FIELDS.write(g, i, before[i].value(exchange));
        }
        g.writeFieldName(EventFields.REQUEST_TIME_EPOCH);
        g.writeNumber(exchange.requestTime().toEpochMilli());
        g.writeFieldName(EventFields.REQUEST_ID);
        g.writeString(exchange.requestId());
        writeIdentity(g, exchange, context);
        Optional<AuthorizerOutput> authorizer = exchange.caller().authorizerOutput();
        if (authorizer.isPresent()) {
            writeAuthorizer(g, authorizer.get());
        }
        ContextVariables.Variable[] after = context.resolve(AFTER_IDENTITY);
        for (int i = 0; i < after.length; i++) {
            AFTER_IDENTITY_FIELDS.write(g, i, after[i].value(exchange));
        }
        g.writeEndObject();
    }

    private static void writeAuthorizer(JsonGenerator g, AuthorizerOutput output)
            throws IOException {
        g.writeObjectFieldStart("authorizer");
        if (output.principalId() != null) {
            g.writeStringField("principalId", output.principalId());
            for (Map.Entry<String, Object> entry : output.context().entrySet()) {
                g.writeFieldName(entry.getKey());
                g.writeObject(entry.getValue());
            }
            g.writeNumberField("integrationLatency", output.integrationLatency());
        }
        if (!output.claims().isEmpty()) {
            g.writeObjectFieldStart("claims");
            for (Map.Entry<String, Object> claim : output.claims().entrySet()) {
                g.writeStringField(claim.getKey(), String.valueOf(claim.getValue()));
            }
            g.writeEndObject();
            if (!output.scopes().isEmpty()) {
                g.writeArrayFieldStart("scopes");
                for (String scope : output.scopes()) {
                    g.writeString(scope);
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    /**
     * Writes the {@code clientCert} field of a mutual-TLS client (reference 2.1 {@code
     * identity.clientCert}, 2.4 {@code authentication.clientCert}).
     */
    public static void writeClientCert(JsonGenerator g, Request.ClientCertificate c)
            throws IOException {
        g.writeObjectFieldStart("clientCert");
        g.writeStringField("clientCertPem", c.clientCertPem());
        g.writeStringField("subjectDN", c.subjectDN());
        g.writeStringField("issuerDN", c.issuerDN());
        g.writeStringField("serialNumber", c.serialNumber());
        g.writeObjectFieldStart("validity");
        g.writeStringField("notBefore", c.notBefore());
        g.writeStringField("notAfter", c.notAfter());
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Writes the {@code identity} field: the {@code $context.identity} variables of the exchange's
     * pipeline, unset ones as {@code null}, the API key when one was used, the client certificate
     * over mutual TLS.
     */
    public static void writeIdentity(JsonGenerator g, Exchange exchange) throws IOException {
        writeIdentity(g, exchange, exchange.state().contextVariables());
    }

    private static void writeIdentity(JsonGenerator g, Exchange exchange, ContextVariables context)
            throws IOException {
        g.writeFieldName(EventFields.IDENTITY);
        g.writeStartObject();
        ContextVariables.Variable[] identity = context.resolve(IDENTITY_VARIABLES);
        for (int i = 0; i < identity.length; i++) {
            IDENTITY_FIELDS.write(g, i, identity[i].value(exchange));
        }
        if (exchange.apiKey().isPresent()) {
            g.writeStringField("apiKey", ContextVariables.get(exchange, "identity.apiKey"));
            g.writeStringField("apiKeyId", ContextVariables.get(exchange, "identity.apiKeyId"));
        }
        Optional<Request.ClientCertificate> cert = exchange.request().clientCertificate();
        if (cert.isPresent()) {
            writeClientCert(g, cert.get());
        }
        g.writeEndObject();
    }
}
