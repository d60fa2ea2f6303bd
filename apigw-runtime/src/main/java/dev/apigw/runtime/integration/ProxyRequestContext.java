package dev.apigw.runtime.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.pipeline.ContextVariables;
import dev.apigw.runtime.pipeline.Exchange;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes the {@code requestContext} of a Lambda proxy event (reference 2.1): the {@code
 * $context} variables in the order of real AWS events, {@code requestTimeEpoch} as a number,
 * {@code identity} with unset fields as {@code null}, {@code apiKey}/{@code apiKeyId} only when an
 * API key was used and {@code clientCert} only over mutual TLS. No {@code authorizer} key: only
 * an authorizer adds it.
 */
final class ProxyRequestContext {
    private static final String[] BEFORE_EPOCH = {"resourceId", "resourcePath", "httpMethod",
        "extendedRequestId", "requestTime", "path", "accountId", "protocol", "stage",
        "domainPrefix"};
    private static final String[] IDENTITY = {"cognitoIdentityPoolId", "accountId",
        "cognitoIdentityId", "caller", "sourceIp", "principalOrgId", "accessKey",
        "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "userAgent",
        "user"};
    private static final String[] AFTER_IDENTITY = {"domainName", "deploymentId", "apiId"};

    private ProxyRequestContext() {}

    /** Writes the {@code requestContext} field. */
    static void write(JsonGenerator g, Exchange exchange) throws IOException {
        g.writeObjectFieldStart("requestContext");
        for (String name : BEFORE_EPOCH) {
            g.writeStringField(name, ContextVariables.get(exchange, name));
        }
        g.writeNumberField("requestTimeEpoch", exchange.requestTime().toEpochMilli());
        g.writeStringField("requestId", exchange.requestId());
        writeIdentity(g, exchange);
        for (String name : AFTER_IDENTITY) {
            g.writeStringField(name, ContextVariables.get(exchange, name));
        }
        g.writeEndObject();
    }

    private static void writeIdentity(JsonGenerator g, Exchange exchange) throws IOException {
        g.writeObjectFieldStart("identity");
        for (String name : IDENTITY) {
            g.writeStringField(name, ContextVariables.get(exchange, "identity." + name));
        }
        if (exchange.apiKey().isPresent()) {
            g.writeStringField("apiKey", ContextVariables.get(exchange, "identity.apiKey"));
            g.writeStringField("apiKeyId", ContextVariables.get(exchange, "identity.apiKeyId"));
        }
        Optional<Request.ClientCertificate> cert = exchange.request().clientCertificate();
        if (cert.isPresent()) {
            Request.ClientCertificate c = cert.get();
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
        g.writeEndObject();
    }
}
