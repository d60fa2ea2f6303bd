package dev.apigw.samples.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.redis.FailurePolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerOptionsTest {
    @Test
    void parse_noArguments_servesDemoOnDevAt3000() {
        ServerOptions options = ServerOptions.parse(List.of());

        assertThat(options.spec()).isEmpty();
        assertThat(options.stage()).isEqualTo("dev");
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.stageVariables()).isEmpty();
        assertThat(options.lambdas()).isEmpty();
        assertThat(options.classpath()).isEmpty();
        assertThat(options.apiKeys()).isEmpty();
        assertThat(options.placeholders()).isEmpty();
    }

    @Test
    void parse_everyFlag_isRead() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of(
                                "--spec",
                                "api.yaml",
                                "--stage",
                                "prod",
                                "--stage-var",
                                "a=1",
                                "--lambda",
                                "Fn=com.example.Handler",
                                "--classpath",
                                "lib/a.jar:classes",
                                "--api-key",
                                "k1",
                                "--var",
                                "T=pets",
                                "--host",
                                "0.0.0.0",
                                "--port",
                                "0"));

        assertThat(options.spec()).contains(Path.of("api.yaml"));
        assertThat(options.stage()).isEqualTo("prod");
        assertThat(options.stageVariables()).containsExactly(Map.entry("a", "1"));
        assertThat(options.lambdas()).containsExactly(Map.entry("Fn", "com.example.Handler"));
        assertThat(options.classpath()).containsExactly(Path.of("lib/a.jar"), Path.of("classes"));
        assertThat(options.apiKeys()).containsExactly("k1");
        assertThat(options.placeholders()).containsExactly(Map.entry("T", "pets"));
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.port()).isZero();
    }

    @Test
    void parse_repeatedFlags_keepOrderAndSplitAtFirstEquals() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of(
                                "--stage-var",
                                "url=http://h/?a=b",
                                "--stage-var",
                                "empty=",
                                "--var",
                                "B=2",
                                "--var",
                                "A=x=y",
                                "--api-key",
                                "k1",
                                "--api-key",
                                "k2",
                                "--var",
                                "B=3"));

        assertThat(options.stageVariables())
                .containsExactly(Map.entry("url", "http://h/?a=b"), Map.entry("empty", ""));
        assertThat(options.placeholders())
                .containsExactly(Map.entry("B", "3"), Map.entry("A", "x=y"));
        assertThat(options.apiKeys()).containsExactly("k1", "k2");
    }

    @Test
    void parse_flagEqualsValue_isTheSameAsTwoArguments() {
        ServerOptions options = ServerOptions.parse(List.of("--port=0", "--var=A=b=c"));

        assertThat(options.port()).isZero();
        assertThat(options.placeholders()).containsExactly(Map.entry("A", "b=c"));
    }

    @Test
    void parse_accountThrottle_readsRateAndBurst() {
        assertThat(ServerOptions.parse(List.of()).accountThrottle()).isEmpty();
        assertThat(
                        ServerOptions.parse(List.of("--account-throttle", "50000:25000"))
                                .accountThrottle())
                .contains(new ThrottleSettings(25_000, 50_000.0));
        assertThat(ServerOptions.parse(List.of("--account-throttle=0.5:1")).accountThrottle())
                .contains(new ThrottleSettings(1, 0.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", ":5", "100:", "0:5", "100:0", "-1:5", "a:b", "NaN:5", "1:2.5"})
    void parse_accountThrottle_notRateColonBurst_failsAsUsage(String value) {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--account-throttle=" + value)))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                .hasMessageStartingWith("--account-throttle expects RATE:BURST");
    }

    @Test
    void parse_unknownFlag_failsAsUsage() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--bogus", "1")))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                .hasMessage("unknown option --bogus (see --help)");
    }

    @Test
    void parse_logLevel_absentLeavesTheStagesAndAcceptsAnyCase() {
        assertThat(ServerOptions.parse(List.of()).logLevel()).isEmpty();
        assertThat(ServerOptions.parse(List.of("--log-level", "info")).logLevel())
                .contains(LogLevel.INFO);
        assertThat(ServerOptions.parse(List.of("--log-level=OFF")).logLevel())
                .contains(LogLevel.OFF);
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--log-level", "DEBUG")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--log-level expects OFF, ERROR or INFO, got 'DEBUG'");
    }

    @Test
    void parse_unknownFlagLast_saysUnknownNotNeedsAValue() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--port", "0", "--verbose")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("unknown option --verbose (see --help)");
    }

    @Test
    void parse_version_isASwitchAndAskedFor() {
        assertThat(ServerOptions.parse(List.of("--version", "--port", "0")).port()).isZero();
        assertThat(ServerOptions.wantsVersion(List.of("--port", "0", "--version"))).isTrue();
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--version=1")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--version takes no value (see --help)");
    }

    @Test
    void usage_namesEveryFlagTheParserAccepts() {
        for (String flag :
                List.of(
                        "--spec",
                        "--api-type",
                        "--stage",
                        "--stage-var",
                        "--lambda",
                        "--classpath",
                        "--api-key",
                        "--jwks",
                        "--credentials",
                        "--aws-endpoint",
                        "--var",
                        "--host",
                        "--port",
                        "--stage-config",
                        "--log-level",
                        "--redis",
                        "--redis-fail",
                        "--version",
                        "--help")) {
            assertThat(ServerOptions.USAGE).contains("  " + flag + " ");
        }
    }

    @Test
    void readmes_flagBlocks_documentEveryFlagOfTheUsage() throws Exception {
        for (Path readme : List.of(Path.of("../../README.md"), Path.of("README.md"))) {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            ServerOptions.USAGE
                    .lines()
                    .filter(line -> line.startsWith("  --"))
                    .map(line -> line.strip().split(" ")[0] + " ")
                    .forEach(
                            flag ->
                                    assertThat(text)
                                            .as("%s documents %s", readme, flag)
                                            .contains("  " + flag));
            assertThat(text)
                    .as("%s on System.exit", readme)
                    .contains("System.exit")
                    .contains("--isolate");
        }
    }

    @Test
    void parse_apiType_isReadInEitherCase() {
        assertThat(
                        ServerOptions.parse(List.of("--spec", "api.yaml", "--api-type", "http"))
                                .apiType())
                .contains(ApiType.HTTP);
        assertThat(ServerOptions.parse(List.of("--spec", "api.yaml", "--api-type=REST")).apiType())
                .contains(ApiType.REST);
        assertThat(ServerOptions.parse(List.of("--spec", "api.yaml")).apiType()).isEmpty();
    }

    @Test
    void parse_apiTypeOfAnotherValue_failsWithUsage() {
        assertThatThrownBy(
                        () ->
                                ServerOptions.parse(
                                        List.of("--spec", "api.yaml", "--api-type", "websocket")))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                .hasMessage("--api-type expects http or rest, got 'websocket'");
    }

    @Test
    void parse_apiTypeWithoutSpec_failsWithUsage() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--api-type", "http")))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                .hasMessage("--api-type needs --spec (see --help)");
    }

    @Test
    void parse_jwksOfAnIssuerUrl_keepsTheIssuerUnchanged() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of(
                                "--jwks",
                                "https://issuer.example.com/x=keys.json",
                                "--jwks=https://idp.example.com/=https://idp.example.com/jwks?v=2",
                                "--jwks",
                                "us-east-1_AbCdEf123=pool.json"));

        assertThat(options.jwks())
                .containsExactly(
                        Map.entry("https://issuer.example.com/x", "keys.json"),
                        Map.entry("https://idp.example.com/", "https://idp.example.com/jwks?v=2"),
                        Map.entry("us-east-1_AbCdEf123", "pool.json"));
    }

    @Test
    void usage_documentsHttpApis() {
        assertThat(ServerOptions.USAGE)
                .contains("--api-type TYPE      http or rest")
                .contains("x-amazon-apigateway-importexport-version")
                .contains("--jwks ISSUER=SOURCE")
                .contains("split at the first '='")
                .contains("default is $default");
    }

    @Test
    void usage_warnsThatSystemExitInAHandlerStopsTheServer() {
        assertThat(ServerOptions.USAGE)
                .contains("System.exit stops the server")
                .contains("--isolate");
    }

    @Test
    void parse_stageConfig_isReadAndWatched() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of("--spec", "api.yaml", "--stage-config", "stage.json", "--watch"));

        assertThat(options.stageConfig()).contains(Path.of("stage.json"));
        assertThat(options.watchedPaths()).contains(Path.of("stage.json"));
        assertThat(ServerOptions.parse(List.of()).stageConfig()).isEmpty();
    }

    @Test
    void parse_stageNamedAsTheServersOwnPaths_failsWithUsage() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--stage", "_apigw")))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                .hasMessage(
                        "--stage _apigw: the name is taken by the server's own paths"
                                + " (/_apigw/...)");
    }

    @Test
    void usage_namesTheServersOwnPaths() {
        assertThat(ServerOptions.USAGE)
                .contains("GET    /_apigw/metrics")
                .contains("DELETE /_apigw/restapis/ID/stages/STAGE/cache/authorizers")
                .contains("DELETE /_apigw/restapis/ID/stages/STAGE/cache/data")
                .contains("GET    /_apigw/usageplans/PLAN/usage?keyId=KEY&startDate=YYYY-MM-DD");
    }

    @Test
    void parse_missingValue_namesTheFlag() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--port")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--port needs a value (see --help)");
    }

    @Test
    void parse_badPort_namesTheValue() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--port", "70000")))
                .hasMessage("--port expects a number from 0 to 65535, got '70000'");
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--port", "http")))
                .hasMessage("--port expects a number from 0 to 65535, got 'http'");
    }

    @Test
    void parse_pairWithoutEquals_failsWithTheExpectedShape() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--lambda", "Fn")))
                .hasMessage("--lambda expects NAME=CLASS, got 'Fn'");
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--stage-var", "=v")))
                .hasMessage("--stage-var expects K=V, got '=v'");
    }

    @Test
    void parse_jwksAndCredentials_keepOrderAndSplitAtFirstEquals() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of(
                                "--jwks",
                                "us-east-1_AbCdEf123=keys/pool.json",
                                "--jwks=eu-west-1_Xy9=https://example.test/jwks.json?a=b",
                                "--credentials",
                                "AKID1=secret/with=equals",
                                "--credentials",
                                "AKID2=s2"));

        assertThat(options.jwks())
                .containsExactly(
                        Map.entry("us-east-1_AbCdEf123", "keys/pool.json"),
                        Map.entry("eu-west-1_Xy9", "https://example.test/jwks.json?a=b"));
        assertThat(options.credentials())
                .containsExactly(
                        Map.entry("AKID1", "secret/with=equals"), Map.entry("AKID2", "s2"));
    }

    @Test
    void parse_redis_isReadAndFailsOpenByDefault() {
        ServerOptions options = ServerOptions.parse(List.of("--redis", "redis://10.0.0.5:6380"));

        assertThat(options.redis()).contains(URI.create("redis://10.0.0.5:6380"));
        assertThat(options.redisFail()).isEqualTo(FailurePolicy.OPEN);
        assertThat(ServerOptions.parse(List.of()).redis()).isEmpty();
    }

    @Test
    void parse_redisFail_isOpenOrClosedInAnyCase() {
        assertThat(
                        ServerOptions.parse(
                                        List.of(
                                                "--redis=rediss://cache.internal:6379",
                                                "--redis-fail=CLOSED"))
                                .redisFail())
                .isEqualTo(FailurePolicy.CLOSED);
        assertThat(
                        ServerOptions.parse(
                                        List.of("--redis", "redis://h:1", "--redis-fail", "open"))
                                .redisFail())
                .isEqualTo(FailurePolicy.OPEN);
        assertThatThrownBy(
                        () ->
                                ServerOptions.parse(
                                        List.of("--redis", "redis://h:1", "--redis-fail", "maybe")))
                .hasMessage("--redis-fail expects open or closed, got 'maybe'");
    }

    @Test
    void parse_redisFailWithoutRedis_failsWithUsage() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--redis-fail", "closed")))
                .isInstanceOfSatisfying(
                        LaunchException.class,
                        e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                .hasMessage("--redis-fail needs --redis (see --help)");
    }

    @Test
    void parse_redisNotARedisUri_failsWithoutEchoingIt() {
        for (String value : List.of("http://h:6379", "redis:", "://:Secret@h", "h:6379")) {
            assertThatThrownBy(() -> ServerOptions.parse(List.of("--redis", value)))
                    .as(value)
                    .hasMessage("--redis expects redis://HOST:PORT or rediss://HOST:PORT");
        }
    }

    @Test
    void redisStartupLine_namesHostPortAndPolicyButNoPassword() {
        assertThat(
                        RedisAccountStores.startupLine(
                                URI.create("redis://:Secret@10.0.0.5:6380/2"),
                                FailurePolicy.CLOSED,
                                false))
                .isEqualTo(
                        "Stores on Redis at 10.0.0.5:6380: throttles, quotas and usage, stage"
                                + " cache, authorizer cache (fail-closed)");
        assertThat(
                        RedisAccountStores.startupLine(
                                URI.create("redis://r"), FailurePolicy.OPEN, false))
                .startsWith("Stores on Redis at r:6379: ");
    }

    @Test
    void redisStartupLine_ofAWebSocketApi_namesItsConnections() {
        assertThat(
                        RedisAccountStores.startupLine(
                                URI.create("redis://127.0.0.1:6379"), FailurePolicy.OPEN, true))
                .isEqualTo(
                        "Stores on Redis at 127.0.0.1:6379: throttles, quotas and usage, stage"
                                + " cache, authorizer cache, WebSocket connections (fail-open)");
    }

    @Test
    void parse_malformedCredentials_failsWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--credentials", "TopSecretValue")))
                .hasMessage("--credentials expects KEY=SECRET")
                .hasMessageNotContaining("TopSecretValue");
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--credentials", "AKID=")))
                .hasMessage("--credentials expects KEY=SECRET");
        assertThatThrownBy(() -> ServerOptions.parse(List.of("--jwks", "pool.json")))
                .hasMessage("--jwks expects POOL=SOURCE or ISSUER=SOURCE, got 'pool.json'");
    }

    @Test
    void usage_jwksAndCredentials_asTheIssueSpellsThem() {
        assertThat(ServerOptions.USAGE)
                .contains(
                        "  --jwks POOL=SOURCE           JSON Web Key Set of a Cognito user pool"
                                + " (POOL: the pool id as in the"
                                + System.lineSeparator()
                                + "                               providerARN, e.g."
                                + " us-east-1_AbCdEf123); SOURCE a file or an http(s) URL"
                                + " (repeatable)",
                        "  --credentials KEY=SECRET     IAM credentials accepted for AWS_IAM"
                                + " methods, caller in the API's own"
                                + System.lineSeparator()
                                + "                               account (repeatable)");
    }

    @Test
    void parse_awsEndpoints_plainUrlForEveryServiceAndServiceUrlForOne() {
        ServerOptions options =
                ServerOptions.parse(
                        List.of(
                                "--aws-endpoint",
                                "http://localhost:4566",
                                "--aws-endpoint",
                                "SQS=http://localhost:9324",
                                "--aws-endpoint=events=https://events.example/?a=b"));

        assertThat(options.hasAwsEndpoints()).isTrue();
        assertThat(options.awsEndpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(options.awsServiceEndpoints())
                .containsExactly(
                        Map.entry("sqs", URI.create("http://localhost:9324")),
                        Map.entry("events", URI.create("https://events.example/?a=b")));
    }

    @Test
    void parse_awsEndpointUrlWithEqualsInItsQuery_isNotSplit() {
        ServerOptions options =
                ServerOptions.parse(List.of("--aws-endpoint", "http://127.0.0.1:4566/?x=1"));

        assertThat(options.awsEndpoint()).contains(URI.create("http://127.0.0.1:4566/?x=1"));
        assertThat(options.awsServiceEndpoints()).isEmpty();
    }

    @Test
    void parse_withoutAwsEndpoint_hasNone() {
        ServerOptions options = ServerOptions.parse(List.of());

        assertThat(options.hasAwsEndpoints()).isFalse();
        assertThat(options.awsEndpoint()).isEmpty();
    }

    @Test
    void parse_awsEndpointNotAnHttpUrl_failsWithUsageNamingTheValue() {
        for (String value :
                List.of("localhost:4566", "sqs=ftp://host", "sqs=", "=http://h", "http://")) {
            assertThatThrownBy(() -> ServerOptions.parse(List.of("--aws-endpoint", value)))
                    .isInstanceOfSatisfying(
                            LaunchException.class,
                            e -> assertThat(e.exitStatus()).isEqualTo(LaunchException.USAGE))
                    .hasMessage(
                            "--aws-endpoint expects [SERVICE=]URL with an http(s) URL, got '"
                                    + value
                                    + "'");
        }
    }

    @Test
    void usage_awsEndpoint_namesTheFormsTheCredentialsAndThe500() {
        assertThat(ServerOptions.USAGE)
                .contains(
                        "  --aws-endpoint [SERVICE=]URL where AWS service integrations",
                        "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, else"
                                + " test/test",
                        "Without it such integrations answer 500");
    }

    @Test
    void parse_positionalArgument_isRejected() {
        assertThatThrownBy(() -> ServerOptions.parse(List.of("api.yaml")))
                .hasMessage("unexpected argument 'api.yaml' (see --help)");
    }

    @Test
    void wantsHelp_helpAnywhere_isTrue() {
        assertThat(ServerOptions.wantsHelp(List.of("--port", "0", "--help"))).isTrue();
        assertThat(ServerOptions.wantsHelp(List.of("-h"))).isTrue();
        assertThat(ServerOptions.wantsHelp(List.of("--port", "0"))).isFalse();
        assertThat(ServerOptions.USAGE).contains("--lambda NAME=CLASS", "--port N");
    }
}
