package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.OpenApiImporter;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.IamCredentials;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.EchoEventHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * {@code AWS_IAM} methods through {@link Api#handle} (reference 8.7, 8.8, 1.2, 2.1): requests
 * signed by the AWS SDK v2 signer are verified against the host's credentials; the caller fills
 * {@code $context.identity.*} and the proxy event's {@code requestContext.identity}; a caller of
 * another account needs the resource policy's explicit Allow (table B).
 */
class IamScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final String OWN_ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "999988887777";
    private static final String ALICE_KEY = "AKIAALICE00000000001";
    private static final String ALICE_SECRET = "alice/secret/0123456789abcdefghijklmnopq";
    private static final String ALICE_ARN = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB_KEY = "AKIABOB0000000000002";
    private static final String BOB_SECRET = "bob/secret/0123456789abcdefghijklmnopqrst";
    private static final String BOB_ARN = "arn:aws:iam::999988887777:user/bob";
    private static final String TEMP_KEY = "ASIATEMP000000000003";
    private static final String TEMP_SECRET = "temp/secret/0123456789abcdefghijklmnopqr";
    private static final String TEMP_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKEN";

    private static final String DEFINITION =
            """
            openapi: 3.0.1
            info: {title: iam-api, version: '1'}
            paths:
              /whoami:
                get:
                  security: [{sigv4: []}]
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates:
                          application/json: >-
                            {"accessKey":"$context.identity.accessKey",
                            "accountId":"$context.identity.accountId",
                            "caller":"$context.identity.caller",
                            "user":"$context.identity.user",
                            "userArn":"$context.identity.userArn"}
              /event:
                post:
                  security: [{sigv4: []}]
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:echo/invocations
              /open:
                get:
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses:
                      default:
                        statusCode: '200'
                        responseTemplates:
                          application/json: '{"accessKey":"$context.identity.accessKey"}'
            components:
              securitySchemes:
                sigv4:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authtype: awsSigv4
            """;

    private static Api api(String policy) {
        RestApi restApi = OpenApiImporter.create().importText(DEFINITION).api();
        if (policy != null) {
            restApi = restApi.toBuilder().policy(policy).build();
        }
        Map<String, IamCredentials> known =
                Map.of(
                        ALICE_KEY, IamCredentials.of(ALICE_SECRET, OWN_ACCOUNT, ALICE_ARN),
                        BOB_KEY, IamCredentials.of(BOB_SECRET, OTHER_ACCOUNT, BOB_ARN),
                        TEMP_KEY,
                                IamCredentials.of(TEMP_SECRET, OWN_ACCOUNT, ALICE_ARN)
                                        .withSessionToken(TEMP_TOKEN));
        return Api.builder()
                .gateway(
                        Gateway.builder()
                                .clock(CLOCK)
                                .region("us-east-1")
                                .accountId(OWN_ACCOUNT)
                                .build())
                .restApi(restApi)
                .deploy("prod")
                .credentials(key -> Optional.ofNullable(known.get(key)))
                .lambda("echo", LambdaHandlers.streamHandler(new EchoEventHandler()))
                .internalErrorHandler(FailingInternalErrorHandler.create())
                .build();
    }

    private static SigV4Requests signer(String key, String secret) {
        return signer(AwsCredentialsIdentity.create(key, secret), CLOCK);
    }

    private static SigV4Requests signer(AwsCredentialsIdentity identity, Clock clock) {
        return SigV4Requests.of(identity, clock, "abc123.execute-api.us-east-1.amazonaws.com");
    }

    private static String arn(String method, String path) {
        return "arn:aws:execute-api:us-east-1:123456789012:"
                + api(null).restApi().id()
                + "/prod/"
                + method
                + "/"
                + path;
    }

    @Test
    void handle_unsignedRequest_answersMissingAuthenticationToken() {
        Response response = api(null).handle(Request.get("/prod/whoami"));

        assertThat(response)
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
                .hasJsonBody("{\"message\":\"Missing Authentication Token\"}")
                .hasErrorType("MissingAuthenticationTokenException");
    }

    @Test
    void handle_signedRequest_fillsContextIdentity() {
        Response response =
                api(null).handle(signer(ALICE_KEY, ALICE_SECRET).sign("GET", "/prod/whoami"));

        assertThat(response)
                .hasStatus(200)
                .hasJsonBody(
                        "{\"accessKey\":\""
                                + ALICE_KEY
                                + "\",\"accountId\":\"123456789012\","
                                + "\"caller\":\""
                                + ALICE_KEY
                                + "\",\"user\":\""
                                + ALICE_KEY
                                + "\",\"userArn\":\""
                                + ALICE_ARN
                                + "\"}");
    }

    @Test
    void handle_presignedUrl_isVerified() {
        Response response =
                api(null)
                        .handle(
                                signer(ALICE_KEY, ALICE_SECRET)
                                        .presigning()
                                        .sign("GET", "/prod/whoami"));

        assertThat(response).hasStatus(200).hasJsonPath("$.userArn", ALICE_ARN);
    }

    @Test
    void handle_temporaryCredentials_needTheirSessionToken() {
        Request signed =
                signer(
                                AwsSessionCredentialsIdentity.create(
                                        TEMP_KEY, TEMP_SECRET, TEMP_TOKEN),
                                CLOCK)
                        .sign("GET", "/prod/whoami");

        assertThat(api(null).handle(signed)).hasStatus(200);
        Request withoutToken =
                signed.toBuilder()
                        .headers(
                                signed.headers().toBuilder().remove("X-Amz-Security-Token").build())
                        .build();
        assertThat(api(null).handle(withoutToken)).hasStatus(403);
    }

    @Test
    void handle_tamperedBody_answersInvalidSignature() {
        Request signed =
                signer(ALICE_KEY, ALICE_SECRET)
                        .sign("POST", "/prod/event", Map.of("Content-Type", "text/plain"), "pay 1");
        Request tampered = signed.toBuilder().body("pay 1000").build();

        Response response = api(null).handle(tampered);

        assertThat(response)
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.INVALID_SIGNATURE)
                .hasBodyContaining(
                        "The request signature we calculated does not match the signature you"
                                + " provided.");
    }

    @Test
    void handle_wrongSecret_answersInvalidSignature() {
        Response response =
                api(null).handle(signer(ALICE_KEY, BOB_SECRET).sign("GET", "/prod/whoami"));

        assertThat(response)
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.INVALID_SIGNATURE);
    }

    @Test
    void handle_unknownAccessKey_answers403InvalidToken() {
        Response response =
                api(null)
                        .handle(
                                signer("AKIAUNKNOWN000000009", ALICE_SECRET)
                                        .sign("GET", "/prod/whoami"));

        assertThat(response)
                .hasStatus(403)
                .hasJsonBody(
                        "{\"message\":\"The security token included in the request is"
                                + " invalid.\"}");
    }

    @Test
    void handle_signedSixMinutesAgo_answersExpiredToken() {
        Clock earlier = Clock.offset(CLOCK, Duration.ofMinutes(-6));
        Request signed =
                signer(AwsCredentialsIdentity.create(ALICE_KEY, ALICE_SECRET), earlier)
                        .sign("GET", "/prod/whoami");

        Response response = api(null).handle(signed);

        assertThat(response).hasStatus(403).isGatewayResponse(GatewayResponseType.EXPIRED_TOKEN);
    }

    @Test
    void handle_signedFourMinutesAgo_isWithinTheSkew() {
        Clock earlier = Clock.offset(CLOCK, Duration.ofMinutes(-4));
        Request signed =
                signer(AwsCredentialsIdentity.create(ALICE_KEY, ALICE_SECRET), earlier)
                        .sign("GET", "/prod/whoami");

        assertThat(api(null).handle(signed)).hasStatus(200);
    }

    @Test
    void handle_proxyEvent_carriesTheIamIdentity() throws IOException {
        Request signed =
                signer(ALICE_KEY, ALICE_SECRET)
                        .sign("POST", "/prod/event", Map.of("Content-Type", "text/plain"), "hi");

        Response response = api(null).handle(signed);

        assertThat(response).hasStatus(200);
        JsonNode identity = JSON.readTree(response.bodyAsString()).at("/requestContext/identity");
        assertThat(identity.get("accessKey").asText()).isEqualTo(ALICE_KEY);
        assertThat(identity.get("accountId").asText()).isEqualTo(OWN_ACCOUNT);
        assertThat(identity.get("userArn").asText()).isEqualTo(ALICE_ARN);
        assertThat(identity.get("caller").asText()).isEqualTo(ALICE_KEY);
        assertThat(identity.get("user").asText()).isEqualTo(ALICE_KEY);
        assertThat(JSON.readTree(response.bodyAsString()).at("/requestContext").has("authorizer"))
                .isFalse();
    }

    @Test
    void handle_methodWithoutIam_ignoresASignatureAndLeavesIdentityUnset() {
        Response response =
                api(null).handle(signer(ALICE_KEY, ALICE_SECRET).sign("GET", "/prod/open"));

        assertThat(response).hasStatus(200).hasJsonBody("{\"accessKey\":\"\"}");
    }

    @Test
    void handle_callerOfAnotherAccountWithoutResourcePolicy_isDenied() {
        Response response =
                api(null).handle(signer(BOB_KEY, BOB_SECRET).sign("GET", "/prod/whoami"));

        assertThat(response)
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasJsonBody(
                        "{\"message\":\"User: "
                                + BOB_ARN
                                + " is not authorized to perform: execute-api:Invoke on resource: "
                                + arn("GET", "whoami")
                                + "\"}");
    }

    @Test
    void handle_callerOfAnotherAccountAllowedByResourcePolicy_isServed() {
        String policy =
                """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::999988887777:root"},
                 "Action":"execute-api:Invoke","Resource":"execute-api:/prod/GET/whoami"}]}
                """;

        Response response =
                api(policy).handle(signer(BOB_KEY, BOB_SECRET).sign("GET", "/prod/whoami"));

        assertThat(response).hasStatus(200).hasJsonPath("$.userArn", BOB_ARN);
    }

    @Test
    void handle_ownCallerExplicitlyDeniedByResourcePolicy_isDeniedNamingTheCaller() {
        String policy =
                """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},
                 "Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}
                """;

        Response response =
                api(policy).handle(signer(ALICE_KEY, ALICE_SECRET).sign("GET", "/prod/whoami"));

        assertThat(response)
                .hasStatus(403)
                .isGatewayResponse(GatewayResponseType.ACCESS_DENIED)
                .hasJsonBody(
                        "{\"message\":\"User: "
                                + ALICE_ARN
                                + " is not authorized to perform: execute-api:Invoke on resource: "
                                + arn("GET", "whoami")
                                + " with an explicit deny\"}");
    }

    @Test
    void handle_ownCallerWithResourcePolicyThatIsSilent_isServedByTableA() {
        String policy =
                """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
                 "Action":"execute-api:Invoke","Resource":"execute-api:/prod/GET/open"}]}
                """;

        Response response =
                api(policy).handle(signer(ALICE_KEY, ALICE_SECRET).sign("GET", "/prod/whoami"));

        assertThat(response).hasStatus(200);
    }

    /**
     * Hostile signatures: seeded random mutations of a valid {@code Authorization} header answer
     * 403 and never reach the integration, but for those that only add or drop spaces between its
     * separators, which still verify (control characters are left out: the front door answers them
     * 400 before any step, reference 9.5).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261204L, 7L, 42L, 1_000_003L})
    void handle_mutatedSignatures_answer403AndNeverThrow(long seed) {
        Api api = api(null);
        Request valid = signer(ALICE_KEY, ALICE_SECRET).sign("GET", "/prod/whoami");
        String authorization = valid.headers().first("Authorization").orElseThrow();
        Random random = new Random(seed);
        String[] pieces = {
            "AWS4-HMAC-SHA256",
            "Credential=",
            "/",
            ",",
            "=",
            " ",
            "SignedHeaders=",
            ";",
            "Signature=",
            "\u00e9",
            "%",
            "x-amz-date",
            "host",
            "0",
            "f",
            "A".repeat(500)
        };
        for (int i = 0; i < 250; i++) {
            StringBuilder mutated = new StringBuilder(authorization);
            for (int m = random.nextInt(4) + 1; m > 0; m--) {
                int at = random.nextInt(mutated.length() + 1);
                if (random.nextBoolean() && at < mutated.length()) {
                    mutated.delete(at, Math.min(mutated.length(), at + random.nextInt(20) + 1));
                } else {
                    mutated.insert(at, pieces[random.nextInt(pieces.length)]);
                }
            }
            Request hostile =
                    valid.toBuilder()
                            .headers(
                                    valid.headers().toBuilder()
                                            .remove("Authorization")
                                            .add("Authorization", mutated.toString())
                                            .build())
                            .build();

            Response response = api.handle(hostile);

            boolean sameButSpaces = spacing(mutated.toString()).equals(spacing(authorization));
            assertThat(response.statusCode())
                    .as(mutated.toString())
                    .isEqualTo(sameButSpaces ? 200 : 403);
        }
    }

    /** Drops the spaces the header's grammar allows around its separators and at its ends. */
    private static String spacing(String authorization) {
        return authorization
                .replaceAll("\\s*([,=])\\s*", "$1")
                .replaceAll("^(\\S+)\\s+", "$1 ")
                .trim();
    }

    @Test
    void handle_principalAccountCondition_readsTheVerifiedCaller() {
        String policy =
                """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
                 "Action":"execute-api:Invoke","Resource":"execute-api:/*",
                 "Condition":{"StringEquals":{"aws:PrincipalAccount":"999988887777"}}}]}
                """;

        assertThat(api(policy).handle(signer(BOB_KEY, BOB_SECRET).sign("GET", "/prod/whoami")))
                .hasStatus(200);
    }
}
