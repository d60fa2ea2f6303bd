package dev.apigw.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything of API Gateway a CloudFormation, SAM or {@code cdk synth} template defines, each under
 * its logical id: REST APIs with their deployments and stages, usage plans, API keys and the keys'
 * plans, custom domain names and base path mappings, HTTP APIs with their stages, and the Lambda
 * functions the APIs call, and WebSocket APIs with their stages ({@link #webSocketApis()},
 * reference 7.3), served by {@code WebSocketGateway}. Made by {@code
 * dev.apigw.model.cloudformation.CloudFormationImporter}; served by {@code
 * Api.builder().definition(definition, "OrdersApi", "prod")}.
 */
public final class GatewayDefinition {
    private final Map<String, RestApiDefinition> restApis;
    private final Map<String, UsagePlan> usagePlans;
    private final Map<String, ApiKey> apiKeys;
    private final Set<String> generatedApiKeys;
    private final Map<String, UsagePlanKey> usagePlanKeys;
    private final Map<String, DomainName> domainNames;
    private final Map<String, BasePathMapping> basePathMappings;
    private final Map<String, FunctionConfiguration> functions;
    private final Map<String, HttpApi> httpApis;
    private final Map<String, WebSocketApi> webSocketApis;
    private final List<String> warnings;

    private GatewayDefinition(Builder b) {
        restApis = Copies.orderedMap(b.restApis);
        usagePlans = Copies.orderedMap(b.usagePlans);
        apiKeys = Copies.orderedMap(b.apiKeys);
        generatedApiKeys = Set.copyOf(b.generatedApiKeys);
        usagePlanKeys = Copies.orderedMap(b.usagePlanKeys);
        domainNames = Copies.orderedMap(b.domainNames);
        basePathMappings = Copies.orderedMap(b.basePathMappings);
        functions = Copies.orderedMap(b.functions);
        httpApis = Copies.orderedMap(b.httpApis);
        webSocketApis = Copies.orderedMap(b.webSocketApis);
        warnings = Copies.list(b.warnings);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the REST APIs by logical id. */
    public Map<String, RestApiDefinition> restApis() {
        return restApis;
    }

    /** Returns the REST API with this logical id; fails naming the template's APIs otherwise. */
    public RestApiDefinition restApi(String logicalId) {
        RestApiDefinition api = restApis.get(logicalId);
        if (api == null) {
            if (httpApis.containsKey(logicalId)) {
                throw new IllegalArgumentException(
                        logicalId + " is an HTTP API: read it with httpApi(\"" + logicalId + "\")");
            }
            throw new IllegalArgumentException(
                    webSocketApis.containsKey(logicalId)
                            ? webSocketApiHint(logicalId)
                            : "the template has no REST API "
                                    + logicalId
                                    + "; its REST APIs: "
                                    + restApis.keySet());
        }
        return api;
    }

    /** Returns the usage plans by logical id (their keys already added). */
    public Map<String, UsagePlan> usagePlans() {
        return usagePlans;
    }

    /** Returns the API keys by logical id. */
    public Map<String, ApiKey> apiKeys() {
        return apiKeys;
    }

    /** Returns whether the key of this logical id had no {@code Value}, so one was generated. */
    public boolean isGenerated(String apiKeyLogicalId) {
        return generatedApiKeys.contains(apiKeyLogicalId);
    }

    /** Returns the usage plan keys by logical id. */
    public Map<String, UsagePlanKey> usagePlanKeys() {
        return usagePlanKeys;
    }

    /** Returns the custom domain names by logical id. */
    public Map<String, DomainName> domainNames() {
        return domainNames;
    }

    /** Returns the base path mappings by logical id. */
    public Map<String, BasePathMapping> basePathMappings() {
        return basePathMappings;
    }

    /** Returns the Lambda functions by logical id. */
    public Map<String, FunctionConfiguration> functions() {
        return functions;
    }

    /** Returns the HTTP APIs by logical id, each with its stages. */
    public Map<String, HttpApi> httpApis() {
        return httpApis;
    }

    /**
     * Returns the HTTP API with this logical id; fails naming the template's HTTP APIs otherwise.
     */
    public HttpApi httpApi(String logicalId) {
        HttpApi api = httpApis.get(logicalId);
        if (api == null) {
            throw new IllegalArgumentException(
                    webSocketApis.containsKey(logicalId)
                            ? webSocketApiHint(logicalId)
                            : restApis.containsKey(logicalId)
                                    ? logicalId
                                            + " is a REST API: read it with restApi(\""
                                            + logicalId
                                            + "\")"
                                    : "the template has no HTTP API "
                                            + logicalId
                                            + "; its HTTP APIs: "
                                            + httpApis.keySet());
        }
        return api;
    }

    private static String webSocketApiHint(String logicalId) {
        return logicalId + " is a WebSocket API: read it with webSocketApi(\"" + logicalId + "\")";
    }

    /** Returns the WebSocket APIs by logical id, each with its stages (reference 7.3). */
    public Map<String, WebSocketApi> webSocketApis() {
        return webSocketApis;
    }

    /**
     * Returns the WebSocket API with this logical id; fails naming the template's WebSocket APIs
     * otherwise.
     */
    public WebSocketApi webSocketApi(String logicalId) {
        WebSocketApi api = webSocketApis.get(logicalId);
        if (api == null) {
            String kind =
                    restApis.containsKey(logicalId)
                            ? "a REST API: read it with restApi(\"" + logicalId + "\")"
                            : httpApis.containsKey(logicalId)
                                    ? "an HTTP API: read it with httpApi(\"" + logicalId + "\")"
                                    : null;
            throw new IllegalArgumentException(
                    kind != null
                            ? logicalId + " is " + kind
                            : "the template has no WebSocket API "
                                    + logicalId
                                    + "; its WebSocket APIs: "
                                    + webSocketApis.keySet());
        }
        return api;
    }

    /** Returns what the import could not carry over exactly, one line each. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "GatewayDefinition{restApis="
                + restApis.keySet()
                + ", httpApis="
                + httpApis.keySet()
                + ", webSocketApis="
                + webSocketApis.keySet()
                + ", usagePlans="
                + usagePlans.keySet()
                + ", apiKeys="
                + apiKeys.keySet()
                + ", functions="
                + functions.keySet()
                + "}";
    }

    /** Builds a {@link GatewayDefinition}. */
    public static final class Builder {
        private final Map<String, RestApiDefinition> restApis = new LinkedHashMap<>();
        private final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();
        private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
        private final Set<String> generatedApiKeys = new HashSet<>();
        private final Map<String, UsagePlanKey> usagePlanKeys = new LinkedHashMap<>();
        private final Map<String, DomainName> domainNames = new LinkedHashMap<>();
        private final Map<String, BasePathMapping> basePathMappings = new LinkedHashMap<>();
        private final Map<String, FunctionConfiguration> functions = new LinkedHashMap<>();
        private final Map<String, HttpApi> httpApis = new LinkedHashMap<>();
        private final Map<String, WebSocketApi> webSocketApis = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder() {}

        /** Adds a REST API under its logical id. */
        public Builder restApi(RestApiDefinition api) {
            restApis.put(api.logicalId(), api);
            return this;
        }

        /** Adds a usage plan. */
        public Builder usagePlan(String logicalId, UsagePlan plan) {
            usagePlans.put(logicalId, Objects.requireNonNull(plan));
            return this;
        }

        /** Adds an API key; {@code generated} when the template gave it no value. */
        public Builder apiKey(String logicalId, ApiKey key, boolean generated) {
            apiKeys.put(logicalId, Objects.requireNonNull(key));
            if (generated) {
                generatedApiKeys.add(logicalId);
            }
            return this;
        }

        /** Adds a usage plan key. */
        public Builder usagePlanKey(String logicalId, UsagePlanKey key) {
            usagePlanKeys.put(logicalId, Objects.requireNonNull(key));
            return this;
        }

        /** Adds a custom domain name. */
        public Builder domainName(String logicalId, DomainName domainName) {
            domainNames.put(logicalId, Objects.requireNonNull(domainName));
            return this;
        }

        /** Adds a base path mapping. */
        public Builder basePathMapping(String logicalId, BasePathMapping mapping) {
            basePathMappings.put(logicalId, Objects.requireNonNull(mapping));
            return this;
        }

        /** Adds a function. */
        public Builder function(FunctionConfiguration function) {
            functions.put(function.logicalId(), function);
            return this;
        }

        /** Adds an HTTP API under its logical id. */
        public Builder httpApi(String logicalId, HttpApi api) {
            httpApis.put(logicalId, Objects.requireNonNull(api));
            return this;
        }

        /** Adds a WebSocket API under its logical id. */
        public Builder webSocketApi(String logicalId, WebSocketApi api) {
            webSocketApis.put(logicalId, Objects.requireNonNull(api));
            return this;
        }

        /** Adds a warning line. */
        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        /** Builds. */
        public GatewayDefinition build() {
            return new GatewayDefinition(this);
        }
    }
}
