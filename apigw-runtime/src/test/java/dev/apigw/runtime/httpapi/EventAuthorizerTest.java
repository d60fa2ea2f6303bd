package dev.apigw.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.runtime.pipeline.IamIdentity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code requestContext.authorizer} of payload format 2.0 events (reference 2.4) against the
 * aws-lambda-go samples of {@code shared/corpus} (skipped without the corpus): the same nesting,
 * field names and JSON types.
 */
class EventAuthorizerTest {
    private static final Path CORPUS = Path.of("../../shared/corpus/events/aws-lambda-go");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode written(RouteAuthorization authorization) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            EventAuthorizer.write(g, authorization);
            g.writeEndObject();
        }
        return JSON.readTree(out.toString()).path("authorizer");
    }

    private static JsonNode sampleAuthorizer(String name) throws IOException {
        Path sample = CORPUS.resolve(name);
        assumeTrue(
                Files.isRegularFile(sample),
                "../shared/corpus not found: corpus tests skipped (CI has it)");
        return JSON.readTree(sample.toFile()).path("requestContext").path("authorizer");
    }

    @Test
    void write_jwt_hasTheSampleShapeWithStringClaims() throws IOException {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("claim1", "value1");
        claims.put("claim2", 42L);
        claims.put("groups", List.of("admin", "users"));

        JsonNode jwt = written(RouteAuthorization.jwt(claims, List.of("scope1", "scope2")));

        JsonNode sample = sampleAuthorizer("apigw-v2-request-jwt-authorizer.json");
        assertThat(names(jwt)).isEqualTo(names(sample));
        assertThat(names(jwt.path("jwt"))).isEqualTo(names(sample.path("jwt")));
        assertThat(jwt.path("jwt").path("claims").path("claim2").asText()).isEqualTo("42");
        assertThat(jwt.path("jwt").path("claims").path("groups").asText())
                .isEqualTo("[admin users]");
        jwt.path("jwt").path("claims").forEach(claim -> assertThat(claim.isTextual()).isTrue());
        assertThat(jwt.path("jwt").path("scopes").isArray()).isTrue();
    }

    @Test
    void write_jwtWithoutScopes_scopesNull() throws IOException {
        JsonNode jwt = written(RouteAuthorization.jwt(Map.of("sub", "u"), List.of()));

        assertThat(jwt.path("jwt").has("scopes")).isTrue();
        assertThat(jwt.path("jwt").path("scopes").isNull()).isTrue();
    }

    @Test
    void write_lambda_contextKeepsItsJsonTypes() throws IOException {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("key", "value");
        context.put("count", 3);
        context.put("ok", true);
        context.put("list", List.of(1, "two"));
        context.put("map", Map.of("a", 1));

        JsonNode lambda =
                written(RouteAuthorization.lambda(context, Optional.empty())).path("lambda");

        JsonNode sample = sampleAuthorizer("apigw-v2-request-lambda-authorizer.json");
        assertThat(sample.path("lambda").path("key").isTextual()).isTrue();
        assertThat(lambda.path("key").asText()).isEqualTo("value");
        assertThat(lambda.path("count").isInt()).isTrue();
        assertThat(lambda.path("ok").isBoolean()).isTrue();
        assertThat(lambda.path("list").isArray()).isTrue();
        assertThat(lambda.path("map").path("a").asInt()).isEqualTo(1);
    }

    @Test
    void write_iam_hasTheSampleFields() throws IOException {
        IamIdentity identity =
                new IamIdentity(
                        "AKIDEXAMPLE",
                        "123456789012",
                        "AIDACALLER",
                        "AIDAUSER",
                        "arn:aws:iam::123456789012:user/Admin");

        JsonNode iam = written(RouteAuthorization.iam(identity)).path("iam");

        JsonNode sample = sampleAuthorizer("apigw-v2-request-iam.json").path("iam");
        assertThat(names(iam)).isEqualTo(names(sample));
        assertThat(iam.path("accessKey").asText()).isEqualTo("AKIDEXAMPLE");
        assertThat(iam.path("callerId").asText()).isEqualTo("AIDACALLER");
        assertThat(iam.path("userId").asText()).isEqualTo("AIDAUSER");
        assertThat(iam.path("userArn").asText()).isEqualTo("arn:aws:iam::123456789012:user/Admin");
        assertThat(iam.path("cognitoIdentity").isNull()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
