package dev.apigw.samples.localserver;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.redis.FailurePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The local server's command line, parsed. Flags take their value as the next argument or after
 * {@code =} ({@code --port 0}, {@code --port=0}); {@code K=V} values split at the first {@code =};
 * repeatable flags keep their order, and a repeated key keeps its last value.
 */
public final class ServerOptions {
    /** The usage text printed by {@code --help}. */
    public static final String USAGE =
            String.join(
                    System.lineSeparator(),
                    "Usage: java -jar apigw-local.jar [--spec FILE | --template FILE] [options]",
                    "  --spec FILE          OpenAPI 3.x or Swagger 2.0, JSON or YAML; without it (and"
                            + " without --template),",
                    "                       the bundled demo API. A definition with"
                            + " x-amazon-apigateway-importexport-version",
                    "                       (or another HTTP API-only construct) is served as an"
                            + " HTTP API",
                    "  --api-type TYPE      http or rest: how to import --spec, in place of that"
                            + " detection",
                    "  --template FILE      a CloudFormation or SAM template (JSON or YAML; also cdk"
                            + " synth output) in place",
                    "                       of --spec: its REST API with its stages, usage plans, API"
                            + " keys and Java functions, or its HTTP API,",
                    "                       or its WebSocket API on ws://HOST:PORT/STAGE and"
                            + " /STAGE/@connections/ID",
                    "  --api LOGICAL_ID     the API to serve when the template has several",
                    "  --parameter K=V      a template parameter value (repeatable); --var keeps"
                            + " working for placeholders",
                    "  --isolate            run each template function in its own JVM on the Lambda"
                            + " runtime interface client",
                    "  --stage NAME         stage served: requests go to http://HOST:PORT/NAME/...;"
                            + " default dev, or with",
                    "                       --template the template's only stage; an HTTP API's"
                            + " default is $default,",
                    "                       served at the root: http://HOST:PORT/...",
                    "  --stage-var K=V      a stage variable (repeatable)",
                    "  --lambda NAME=CLASS  bind the Lambda function NAME (as named in integration URIs)"
                            + " to a handler class",
                    "                       implementing RequestStreamHandler or RequestHandler"
                            + " (repeatable)",
                    "  --classpath PATHS    jars and directories holding handler classes, separated by"
                            + " ':'",
                    "  --api-key VALUE      an enabled API key associated with the stage (repeatable)",
                    "  --jwks POOL=SOURCE           JSON Web Key Set of a Cognito user pool (POOL: the"
                            + " pool id as in the",
                    "                               providerARN, e.g. us-east-1_AbCdEf123); SOURCE a"
                            + " file or an http(s) URL (repeatable)",
                    "  --jwks ISSUER=SOURCE         the key set of an HTTP API JWT authorizer's issuer"
                            + " (ISSUER: its URL as",
                    "                               in jwtConfiguration, e.g."
                            + " https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123);",
                    "                               split at the first '=', so SOURCE may hold '='"
                            + " (an issuer URL has none)",
                    "  --credentials KEY=SECRET     IAM credentials accepted for AWS_IAM methods,"
                            + " caller in the API's own",
                    "                               account (repeatable); with a WebSocket API,"
                            + " @connections calls must be",
                    "                               signed by one of them (without: loopback"
                            + " callers only)",
                    "  --aws-endpoint [SERVICE=]URL where AWS service integrations (REST AWS"
                            + " action/ and path/ URIs, HTTP API",
                    "                               subtypes such as SQS-SendMessage, WebSocket"
                            + " AWS integrations) are sent, SigV4-signed:",
                    "                               URL for every service, SERVICE=URL for one"
                            + " (sqs, events, states, kinesis, appconfig,",
                    "                               ...; it wins over the plain URL); e.g."
                            + " http://localhost:4566 (LocalStack). Keys from",
                    "                               AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,"
                            + " AWS_SESSION_TOKEN, else test/test.",
                    "                               Without it such integrations answer 500"
                            + " (repeatable)",
                    "  --var NAME=VALUE     a value for a ${NAME} or Fn::Sub placeholder in the spec"
                            + " (repeatable)",
                    "  --host HOST          default 127.0.0.1",
                    "  --port N             default 3000; 0 picks a free port",
                    "  --stage-config FILE  stage settings as JSON in the shape of GetStage's answer:"
                            + " variables,",
                    "                       methodSettings, cacheClusterEnabled, cacheClusterSize,"
                            + " canarySettings,",
                    "                       accessLogSettings, tracingEnabled; laid over the served"
                            + " stage (with --template too).",
                    "                       On an HTTP API: variables, accessLogSettings, and the"
                            + " throttling and metricsEnabled",
                    "                       of methodSettings (*/* as defaultRouteSettings, pets/GET"
                            + " as routeSettings['GET /pets']);",
                    "                       the rest is REST-only and ignored with a warning",
                    "  --account-throttle RATE:BURST  the account's throttle: requests a second and"
                            + " burst, shared by every",
                    "                       request, WebSocket message and @connections call"
                            + " (AWS's default 10000:5000);",
                    "                       raise it for load tests, as AWS raises it on request",
                    "  --log-level LEVEL    OFF, ERROR or INFO: the execution log level of every method"
                            + " of the stage, on",
                    "                       standard error; default the stage's own, ERROR if it sets"
                            + " none",
                    "  --redis URI          keep the throttles' token buckets, the usage plans' quotas"
                            + " and usage, the stage",
                    "                       cache, the Lambda authorizers' answers and a WebSocket API's"
                            + " connections on the Redis",
                    "                       at URI (redis://HOST:PORT, rediss://... for TLS,"
                            + " redis://:PASSWORD@HOST:PORT/DB), shared",
                    "                       by every server pointed at it (@connections calls reach a"
                            + " client on any of them)",
                    "  --redis-fail POLICY  open or closed: what the throttles and quotas answer when"
                            + " Redis is down or",
                    "                       slower than 100 ms: open (the default) admits, closed"
                            + " refuses with 429;",
                    "                       the caches answer a miss either way. Needs --redis",
                    "  --cache-data-key-file PATH  the secret the stage cache's encrypted entries"
                            + " (cacheDataEncrypted) are",
                    "                       encrypted under: a file holding 64 hex characters or the"
                            + " base64 of 32 bytes",
                    "                       (openssl rand -hex 32). Servers given the same file on one"
                            + " --redis read each other's",
                    "                       encrypted entries; without it each server has keys of its"
                            + " own. A file, not a value,",
                    "                       since a command line shows in ps (a warning at startup when others"
                            + " may read it)",
                    "  --watch              rebuild the API when the spec or a --classpath entry"
                            + " changes, reloading",
                    "                       handler classes; a change that does not build keeps the"
                            + " last good one",
                    "  --version            print the version of apigw-local and exit",
                    "  --help               print this text",
                    "",
                    "Standard output: Listening on, the access log lines of a stage with"
                            + " accessLogSettings, Stopped.",
                    "Standard error: warnings, the execution log, one line per request, the"
                            + " functions' logs, and at",
                    "exit one line per metric. Paths outside every stage, under"
                            + " http://HOST:PORT/_apigw/:",
                    "  GET    /_apigw/metrics"
                            + "                                     the metrics, Prometheus text",
                    "  DELETE /_apigw/restapis/ID/stages/STAGE/cache/authorizers"
                            + "  FlushStageAuthorizersCache: 202",
                    "  DELETE /_apigw/restapis/ID/stages/STAGE/cache/data"
                            + "         FlushStageCache: 202",
                    "  GET    /_apigw/usageplans/PLAN/usage?keyId=KEY&startDate=YYYY-MM-DD"
                            + "&endDate=YYYY-MM-DD",
                    "                                                             "
                            + " GetUsage: 200",
                    "",
                    "Without --isolate, handlers run inside this JVM: one that calls System.exit stops"
                            + " the server, and on",
                    "Java 17+ nothing in-process can prevent it (the SecurityManager is deprecated)."
                            + " With --isolate, each",
                    "template function runs in its own JVM, as Lambda runs it.");

    /** Flags that take a value. */
    private static final Set<String> VALUED =
            Set.of(
                    "--spec",
                    "--api-type",
                    "--template",
                    "--api",
                    "--parameter",
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
                    "--account-throttle",
                    "--redis",
                    "--redis-fail",
                    "--cache-data-key-file");

    /** Flags that take none. */
    private static final Set<String> SWITCHES = Set.of("--version", "--watch", "--isolate");

    private final Path spec;
    private final ApiType apiType;
    private final Path template;
    private final String api;
    private final Map<String, String> parameters;
    private final boolean isolate;
    private final String stage;
    private final Map<String, String> stageVariables;
    private final Map<String, String> lambdas;
    private final List<Path> classpath;
    private final List<String> apiKeys;
    private final Map<String, String> jwks;
    private final Map<String, String> credentials;
    private final URI awsEndpoint;
    private final Map<String, URI> awsServiceEndpoints;
    private final Map<String, String> placeholders;
    private final String host;
    private final int port;
    private final Path stageConfig;
    private final LogLevel logLevel;
    private final ThrottleSettings accountThrottle;
    private final boolean watch;
    private final URI redis;
    private final FailurePolicy redisFail;
    private final SecretKey cacheDataKey;
    private final Path cacheDataKeyFile;

    private ServerOptions(Parser p) {
        spec = p.spec;
        apiType = p.apiType;
        template = p.template;
        api = p.api;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(p.parameters));
        isolate = p.isolate;
        stage = p.stage;
        stageVariables = Collections.unmodifiableMap(new LinkedHashMap<>(p.stageVariables));
        lambdas = Collections.unmodifiableMap(new LinkedHashMap<>(p.lambdas));
        classpath = List.copyOf(p.classpath);
        apiKeys = List.copyOf(p.apiKeys);
        jwks = Collections.unmodifiableMap(new LinkedHashMap<>(p.jwks));
        credentials = Collections.unmodifiableMap(new LinkedHashMap<>(p.credentials));
        awsEndpoint = p.awsEndpoint;
        awsServiceEndpoints =
                Collections.unmodifiableMap(new LinkedHashMap<>(p.awsServiceEndpoints));
        placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(p.placeholders));
        host = p.host;
        port = p.port;
        stageConfig = p.stageConfig;
        logLevel = p.logLevel;
        accountThrottle = p.accountThrottle;
        watch = p.watch;
        redis = p.redis;
        redisFail = p.redisFail;
        cacheDataKey = p.cacheDataKey;
        cacheDataKeyFile = p.cacheDataKeyFile;
    }

    /** Returns whether the arguments ask for the version ({@code --version}). */
    public static boolean wantsVersion(List<String> args) {
        return args.contains("--version");
    }

    /** Returns whether the arguments ask for the usage text ({@code --help} or {@code -h}). */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** Parses the arguments; fails with a {@link LaunchException} naming the bad flag. */
    public static ServerOptions parse(List<String> args) {
        Parser p = new Parser();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw LaunchException.usage("unexpected argument '" + arg + "' (see --help)");
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            if (SWITCHES.contains(flag)) {
                if (eq >= 0) {
                    throw LaunchException.usage(flag + " takes no value (see --help)");
                }
                p.accept(flag, "");
                continue;
            }
            if (!VALUED.contains(flag)) {
                throw LaunchException.usage("unknown option " + flag + " (see --help)");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw LaunchException.usage(flag + " needs a value (see --help)");
            }
            p.accept(flag, value);
        }
        if (p.spec != null && p.template != null) {
            throw LaunchException.usage("--spec and --template cannot be used together");
        }
        if (p.apiType != null && p.spec == null) {
            throw LaunchException.usage("--api-type needs --spec (see --help)");
        }
        if (p.redisFail != null && p.redis == null) {
            throw LaunchException.usage("--redis-fail needs --redis (see --help)");
        }
        if (p.template == null) {
            for (String flag : new String[] {"--api", "--parameter", "--isolate"}) {
                if (p.given.contains(flag)) {
                    throw LaunchException.usage(flag + " needs --template (see --help)");
                }
            }
        }
        return new ServerOptions(p);
    }

    /** Returns the spec file, or empty for the bundled demo API. */
    public Optional<Path> spec() {
        return Optional.ofNullable(spec);
    }

    /**
     * Returns the type of API {@code --spec} is imported as ({@code --api-type}), if given; without
     * it the spec's own markers decide ({@link ApiType#of}).
     */
    public Optional<ApiType> apiType() {
        return Optional.ofNullable(apiType);
    }

    /** Returns the template file ({@code --template}), if any. */
    public Optional<Path> template() {
        return Optional.ofNullable(template);
    }

    /** Returns the logical id of the template's API to serve ({@code --api}), if given. */
    public Optional<String> api() {
        return Optional.ofNullable(api);
    }

    /** Returns the template parameter values ({@code --parameter}), in the order given. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Returns whether template functions run each in its own JVM ({@code --isolate}). */
    public boolean isolate() {
        return isolate;
    }

    /** Returns the stage served of a REST API: the one given, else {@code dev}. */
    public String stage() {
        return stage == null ? "dev" : stage;
    }

    /** Returns the stage given with {@code --stage}, if any. */
    public Optional<String> stageGiven() {
        return Optional.ofNullable(stage);
    }

    /** Returns the stage variables, in the order given. */
    public Map<String, String> stageVariables() {
        return stageVariables;
    }

    /** Returns the Lambda bindings: function name to handler class name. */
    public Map<String, String> lambdas() {
        return lambdas;
    }

    /** Returns the jars and directories that hold handler classes. */
    public List<Path> classpath() {
        return classpath;
    }

    /** Returns the API key values. */
    public List<String> apiKeys() {
        return apiKeys;
    }

    /**
     * Returns the JSON Web Key Set sources of {@code --jwks}, in the order given: a Cognito user
     * pool id, or an HTTP API JWT issuer URL (as given, unchanged), to a file or an http(s) URL.
     * The value splits at its first {@code =}: an issuer URL has no query (OpenID Connect Discovery
     * 1.0, section 3: no query or fragment), so it holds none, while the source may.
     */
    public Map<String, String> jwks() {
        return jwks;
    }

    /**
     * Returns the IAM credentials accepted for {@code AWS_IAM} methods ({@code --credentials}):
     * access key id to secret access key, in the order given.
     */
    public Map<String, String> credentials() {
        return credentials;
    }

    /**
     * Returns the endpoint of a plain {@code --aws-endpoint URL}: where the calls of AWS service
     * integrations go when their service has no endpoint of its own; empty when none was given.
     */
    public Optional<URI> awsEndpoint() {
        return Optional.ofNullable(awsEndpoint);
    }

    /**
     * Returns the endpoints of {@code --aws-endpoint SERVICE=URL}, by service name (lower case, as
     * in an integration's ARN or subtype: {@code sqs}, {@code events}, {@code states}), in the
     * order given.
     */
    public Map<String, URI> awsServiceEndpoints() {
        return awsServiceEndpoints;
    }

    /** Returns whether any {@code --aws-endpoint} was given. */
    public boolean hasAwsEndpoints() {
        return awsEndpoint != null || !awsServiceEndpoints.isEmpty();
    }

    /** Returns the placeholder values for the importer. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /** Returns the host to listen on. */
    public String host() {
        return host;
    }

    /** Returns the port to listen on; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** Returns the stage settings file ({@code --stage-config}), if any. */
    public Optional<Path> stageConfig() {
        return Optional.ofNullable(stageConfig);
    }

    /**
     * Returns the execution-log level given with {@code --log-level}, which overrides the served
     * stage's, if any.
     */
    public Optional<LogLevel> logLevel() {
        return Optional.ofNullable(logLevel);
    }

    /**
     * Returns the account's throttle given with {@code --account-throttle} (reference 9.4: AWS's
     * default is 10,000 requests a second with bursts of 5,000, raised on request), if any.
     */
    public Optional<ThrottleSettings> accountThrottle() {
        return Optional.ofNullable(accountThrottle);
    }

    /** Returns the Redis the account's stores live on ({@code --redis}), if given. */
    public Optional<URI> redis() {
        return Optional.ofNullable(redis);
    }

    /**
     * Returns what the Redis stores answer when Redis fails ({@code --redis-fail}): {@link
     * FailurePolicy#OPEN} unless {@code closed} was given.
     */
    public FailurePolicy redisFail() {
        return redisFail == null ? FailurePolicy.OPEN : redisFail;
    }

    /**
     * Returns the secret the stage cache's encrypted entries are encrypted under, read from the
     * file of {@code --cache-data-key-file} (reference 9.3; {@code Gateway.Builder#cacheDataKey}),
     * if given.
     */
    public Optional<SecretKey> cacheDataKey() {
        return Optional.ofNullable(cacheDataKey);
    }

    /** Returns the file of {@code --cache-data-key-file}, if given. */
    public Optional<Path> cacheDataKeyFile() {
        return Optional.ofNullable(cacheDataKeyFile);
    }

    /** Returns whether the spec and the classpath are watched for changes. */
    public boolean watch() {
        return watch;
    }

    /**
     * Returns what {@code --watch} watches: the spec or the template, if any, and the classpath
     * entries.
     */
    public List<Path> watchedPaths() {
        List<Path> paths = new ArrayList<>();
        spec().ifPresent(paths::add);
        template().ifPresent(paths::add);
        stageConfig().ifPresent(paths::add);
        paths.addAll(classpath);
        return paths;
    }

    private static final class Parser {
        private final Set<String> given = new HashSet<>();
        private Path spec;
        private ApiType apiType;
        private Path template;
        private String api;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private boolean isolate;
        private String stage;
        private final Map<String, String> stageVariables = new LinkedHashMap<>();
        private final Map<String, String> lambdas = new LinkedHashMap<>();
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> apiKeys = new ArrayList<>();
        private final Map<String, String> jwks = new LinkedHashMap<>();
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private URI awsEndpoint;
        private final Map<String, URI> awsServiceEndpoints = new LinkedHashMap<>();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private String host = "127.0.0.1";
        private int port = 3000;
        private Path stageConfig;
        private LogLevel logLevel;
        private ThrottleSettings accountThrottle;
        private boolean watch;
        private URI redis;
        private FailurePolicy redisFail;
        private SecretKey cacheDataKey;
        private Path cacheDataKeyFile;

        void accept(String flag, String value) {
            given.add(flag);
            switch (flag) {
                case "--spec":
                    spec = Path.of(nonEmpty(flag, value));
                    break;
                case "--api-type":
                    apiType = ApiType.parse(value);
                    break;
                case "--template":
                    template = Path.of(nonEmpty(flag, value));
                    break;
                case "--api":
                    api = nonEmpty(flag, value);
                    break;
                case "--parameter":
                    put(parameters, flag, value, "K=V");
                    break;
                case "--isolate":
                    isolate = true;
                    break;
                case "--stage":
                    stage = nonEmpty(flag, value);
                    if (stage.equals(AdminPaths.PREFIX)) {
                        throw LaunchException.usage(
                                "--stage "
                                        + stage
                                        + ": the name is taken by the server's own paths"
                                        + " (/_apigw/...)");
                    }
                    break;
                case "--stage-var":
                    put(stageVariables, flag, value, "K=V");
                    break;
                case "--lambda":
                    put(lambdas, flag, value, "NAME=CLASS");
                    break;
                case "--classpath":
                    for (String entry : value.split(":")) {
                        if (!entry.isEmpty()) {
                            classpath.add(Path.of(entry));
                        }
                    }
                    break;
                case "--api-key":
                    apiKeys.add(nonEmpty(flag, value));
                    break;
                case "--jwks":
                    put(jwks, flag, value, "POOL=SOURCE or ISSUER=SOURCE");
                    break;
                case "--credentials":
                    putSecret(credentials, flag, value);
                    break;
                case "--aws-endpoint":
                    awsEndpoint(value);
                    break;
                case "--var":
                    put(placeholders, flag, value, "NAME=VALUE");
                    break;
                case "--host":
                    host = nonEmpty(flag, value);
                    break;
                case "--port":
                    port = port(value);
                    break;
                case "--stage-config":
                    stageConfig = Path.of(nonEmpty(flag, value));
                    break;
                case "--log-level":
                    logLevel = LogLevel.parse(value);
                    break;
                case "--account-throttle":
                    accountThrottle = throttle(flag, value);
                    break;
                case "--watch":
                    watch = true;
                    break;
                case "--redis":
                    redis = redisUri(value);
                    break;
                case "--redis-fail":
                    redisFail = failurePolicy(value);
                    break;
                case "--cache-data-key-file":
                    cacheDataKeyFile = Path.of(nonEmpty(flag, value));
                    cacheDataKey = CacheDataKeyFile.read(cacheDataKeyFile);
                    break;
                case "--version":
                    break;
                default:
                    throw LaunchException.usage("unknown option " + flag + " (see --help)");
            }
        }

        private static String nonEmpty(String flag, String value) {
            if (value.isEmpty()) {
                throw LaunchException.usage(flag + " needs a non-empty value");
            }
            return value;
        }

        private static void put(Map<String, String> map, String flag, String value, String shape) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw LaunchException.usage(flag + " expects " + shape + ", got '" + value + "'");
            }
            map.put(value.substring(0, eq), value.substring(eq + 1));
        }

        /** As {@link #put}, but a malformed value is not echoed: it may hold a secret. */
        private static void putSecret(Map<String, String> map, String flag, String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw LaunchException.usage(flag + " expects KEY=SECRET");
            }
            map.put(value.substring(0, eq), value.substring(eq + 1));
        }

        /**
         * Reads {@code [SERVICE=]URL}: split at the first {@code =} only when what is before it has
         * no {@code :} or {@code /} (a URL may hold {@code =} in its query), the URL an http(s) URL
         * with a host.
         */
        private void awsEndpoint(String value) {
            int eq = value.indexOf('=');
            String service = "";
            String url = value;
            if (eq >= 0 && !value.substring(0, eq).matches(".*[:/].*")) {
                service = value.substring(0, eq).toLowerCase(Locale.ROOT);
                url = value.substring(eq + 1);
            }
            URI endpoint = httpUrl(url);
            if (endpoint == null || eq == 0) {
                throw LaunchException.usage(
                        "--aws-endpoint expects [SERVICE=]URL with an http(s) URL, got '"
                                + value
                                + "'");
            }
            if (service.isEmpty()) {
                awsEndpoint = endpoint;
            } else {
                awsServiceEndpoints.put(service, endpoint);
            }
        }

        private static URI httpUrl(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme();
                boolean http = scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
                return http && uri.getHost() != null ? uri : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }

        /** Parses {@code RATE:BURST}: a positive rate a second and a positive whole burst. */
        private static ThrottleSettings throttle(String flag, String value) {
            int colon = value.indexOf(':');
            try {
                double rate = Double.parseDouble(value.substring(0, Math.max(colon, 0)));
                int burst = Integer.parseInt(value.substring(colon + 1));
                if (colon > 0 && rate > 0 && Double.isFinite(rate) && burst > 0) {
                    return new ThrottleSettings(burst, rate);
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw LaunchException.usage(
                    flag
                            + " expects RATE:BURST, a positive rate a second and a positive whole"
                            + " burst (e.g. 10000:5000), got '"
                            + value
                            + "'");
        }

        /**
         * Reads a Redis URI: {@code redis} or {@code rediss} with a host. The value is not echoed:
         * it may hold a password.
         */
        private static URI redisUri(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme();
                boolean redis =
                        scheme.equalsIgnoreCase("redis") || scheme.equalsIgnoreCase("rediss");
                if (redis && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw LaunchException.usage("--redis expects redis://HOST:PORT or rediss://HOST:PORT");
        }

        private static FailurePolicy failurePolicy(String value) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "open":
                    return FailurePolicy.OPEN;
                case "closed":
                    return FailurePolicy.CLOSED;
                default:
                    throw LaunchException.usage(
                            "--redis-fail expects open or closed, got '" + value + "'");
            }
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw LaunchException.usage(
                    "--port expects a number from 0 to 65535, got '" + value + "'");
        }
    }
}
