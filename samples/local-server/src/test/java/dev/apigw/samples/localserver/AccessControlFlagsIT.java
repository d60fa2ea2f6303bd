package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.testkit.FakeCognito;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * End to end through the shaded jar: {@code --jwks} makes a Cognito-protected method accept the
 * tokens of a {@link FakeCognito} whose key set is a file (reference 8.4), and {@code
 * --credentials} makes an {@code AWS_IAM} method accept requests the AWS SDK v2 signs with those
 * credentials, the caller a user of the API's account (reference 8.7).
 */
class AccessControlFlagsIT {
    private static final String ACCESS_KEY = "AKIDLOCALSERVER0001";
    private static final String SECRET = "local/Secret+Key/0123456789abcdefghijkl";
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private static final FakeCognito COGNITO =
            FakeCognito.builder().poolId("us-east-1_AbCdEf123").build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    @TempDir Path dir;

    @AfterEach
    void killAll() {
        processes.forEach(ServerProcess::close);
    }

    private Path spec() throws Exception {
        String mock =
                """
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses:
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: '%s'
                """;
        String spec =
                """
                openapi: 3.0.1
                info: {title: access-control, version: "1"}
                paths:
                  /me:
                    get:
                      security: [{UserPool: []}]
                      responses: {"200": {description: ok}}
                %s
                  /iam:
                    get:
                      security: [{sigv4: []}]
                      responses: {"200": {description: ok}}
                %s
                components:
                  securitySchemes:
                    UserPool:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: cognito_user_pools
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: ["%s"]
                    sigv4:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: awsSigv4
                """
                        .formatted(
                                mock.formatted("{\"sub\":\"$context.authorizer.claims.sub\"}"),
                                mock.formatted("{\"user\":\"$context.identity.userArn\"}"),
                                COGNITO.providerArn());
        return Files.writeString(dir.resolve("api.yaml"), spec, StandardCharsets.UTF_8);
    }

    private String start(List<String> args) throws Exception {
        ServerProcess process = ServerProcess.start(args);
        processes.add(process);
        return process.awaitLine("Listening on ").substring("Listening on ".length());
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code GET url} signed by the SDK's SigV4 signer for execute-api in us-east-1. */
    private HttpResponse<String> signedGet(String url, String accessKey, String secret)
            throws Exception {
        URI uri = URI.create(url);
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.GET)
                        .uri(uri)
                        .putHeader("Host", uri.getHost() + ":" + uri.getPort())
                        .build();
        SdkHttpRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                                                .request(unsigned)
                                                .payload(ContentStreamProvider.fromUtf8String(""))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        "execute-api")
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                        .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        signed.forEachHeader(
                (name, values) -> {
                    if (!RESTRICTED.contains(name.toLowerCase())) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jwksAndCredentials_throughTheJar_acceptTokensAndSignedRequests() throws Exception {
        Path jwks = COGNITO.writeJwks(dir.resolve("jwks.json"));
        String base =
                start(
                        List.of(
                                "--spec",
                                spec().toString(),
                                "--port",
                                "0",
                                "--jwks",
                                COGNITO.poolId() + "=" + jwks,
                                "--credentials",
                                ACCESS_KEY + "=" + SECRET));
        FakeCognito pool = COGNITO.withClock(Clock.systemUTC());

        HttpResponse<String> me =
                get(base + "/me", "Authorization", pool.idToken(t -> t.subject("user-7")));
        HttpResponse<String> iam = signedGet(base + "/iam", ACCESS_KEY, SECRET);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"sub\":\"user-7\"}");
        assertThat(iam.statusCode()).isEqualTo(200);
        assertThat(iam.body())
                .isEqualTo("{\"user\":\"arn:aws:iam::123456789012:user/" + ACCESS_KEY + "\"}");
    }

    @Test
    void jwksAndCredentials_withoutOrWithWrongOnes_refused() throws Exception {
        Path jwks = COGNITO.writeJwks(dir.resolve("jwks.json"));
        String base =
                start(
                        List.of(
                                "--spec",
                                spec().toString(),
                                "--port",
                                "0",
                                "--jwks",
                                COGNITO.poolId() + "=" + jwks,
                                "--credentials",
                                ACCESS_KEY + "=" + SECRET));
        FakeCognito impostor =
                FakeCognito.builder()
                        .poolId(COGNITO.poolId())
                        .keyId(COGNITO.keyId())
                        .clock(Clock.systemUTC())
                        .build();

        HttpResponse<String> noToken = get(base + "/me");
        HttpResponse<String> forged = get(base + "/me", "Authorization", impostor.idToken());
        HttpResponse<String> unsigned = get(base + "/iam");
        HttpResponse<String> wrongSecret =
                signedGet(base + "/iam", ACCESS_KEY, "wrong/Secret+Key/0123456789abcdefghijkl");
        HttpResponse<String> unknownKey = signedGet(base + "/iam", "AKIDUNKNOWN000000001", SECRET);

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.headers().firstValue("x-amzn-ErrorType"))
                .contains("InvalidSignatureException");
        assertThat(unknownKey.statusCode()).isEqualTo(403);
    }

    @Test
    void cognitoSpecWithoutJwks_exitsNamingAuthorizerAndPool() throws Exception {
        ServerProcess.Result result =
                ServerProcess.run(List.of("--spec", spec().toString(), "--port", "0"), dir);

        assertThat(result.exitStatus()).isNotZero();
        assertThat(result.stderr()).contains("authorizer UserPool", COGNITO.poolId());
    }
}
