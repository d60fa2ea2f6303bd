package dev.apigw.model;

import dev.apigw.model.template.StableIds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A REST API definition: its resources and methods, models, validators, authorizers, gateway
 * responses, binary media types, API key source, compression, policy and endpoint configuration.
 *
 * <p>{@link Builder#build()} checks the resource tree as AWS does (reference section 7.1): every
 * path part is a whole segment, a parent has at most one variable child, a greedy resource has no
 * children, and missing ancestors are created without methods, as AWS's import does.
 */
public final class RestApi {
    private final String id;
    private final String name;
    private final String description;
    private final String version;
    private final List<String> binaryMediaTypes;
    private final ApiKeySourceType apiKeySource;
    private final Integer minimumCompressionSize;
    private final String policy;
    private final EndpointConfiguration endpointConfiguration;
    private final Map<String, Model> models;
    private final Map<String, RequestValidator> requestValidators;
    private final Map<String, Authorizer> authorizers;
    private final Map<GatewayResponseType, GatewayResponse> gatewayResponses;
    private final Map<String, Resource> resources;

    private RestApi(Builder b) {
        this.name = Checks.requireText(b.name, "name");
        this.id = b.id != null ? b.id : StableIds.of("restapi:" + name, 10);
        this.description = b.description;
        this.version = b.version;
        this.binaryMediaTypes = Copies.list(b.binaryMediaTypes);
        this.apiKeySource = b.apiKeySource;
        if (b.minimumCompressionSize != null) {
            Checks.requireRange(b.minimumCompressionSize, 0, 10_485_760, "minimumCompressionSize");
        }
        this.minimumCompressionSize = b.minimumCompressionSize;
        this.policy = b.policy;
        this.endpointConfiguration = b.endpointConfiguration;
        this.models = Copies.orderedMap(b.models);
        this.requestValidators = Copies.orderedMap(b.requestValidators);
        this.authorizers = Copies.orderedMap(b.authorizers);
        this.gatewayResponses = Copies.orderedMap(b.gatewayResponses);
        this.resources = ResourceTree.complete(b.resources);
        checkReferences();
    }

    private void checkReferences() {
        for (Resource resource : resources.values()) {
            for (Method method : resource.methods().values()) {
                String place = resource.path() + " " + method.httpMethod();
                method.requestValidatorId()
                        .ifPresent(
                                v -> {
                                    if (!requestValidators.containsKey(v)) {
                                        throw new IllegalArgumentException(
                                                place
                                                        + ": Invalid Request Validator identifier specified: "
                                                        + v);
                                    }
                                });
                method.authorizerId()
                        .ifPresent(
                                a -> {
                                    if (!authorizers.containsKey(a)) {
                                        throw new IllegalArgumentException(
                                                place + ": Invalid authorizer ID specified: " + a);
                                    }
                                });
            }
        }
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this API's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with the changes the consumer makes. */
    public RestApi copy(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** Returns the API id ({@code $context.apiId}); by default derived from the name. */
    public String id() {
        return id;
    }

    /** Returns the API name. */
    public String name() {
        return name;
    }

    /** Returns the description, if set. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Returns the API version label, if set. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** Returns the media types treated as binary, wildcards allowed (reference 6.3). */
    public List<String> binaryMediaTypes() {
        return binaryMediaTypes;
    }

    /** Returns where API keys are read from ({@code HEADER} by default). */
    public ApiKeySourceType apiKeySource() {
        return apiKeySource;
    }

    /** Returns the minimum response size to compress; absent means compression is off. */
    public OptionalInt minimumCompressionSize() {
        return minimumCompressionSize == null
                ? OptionalInt.empty()
                : OptionalInt.of(minimumCompressionSize);
    }

    /** Returns the resource policy (an IAM policy document as JSON text), if set. */
    public Optional<String> policy() {
        return Optional.ofNullable(policy);
    }

    /** Returns the endpoint configuration ({@code EDGE} when not set, as AWS's default). */
    public EndpointConfiguration endpointConfiguration() {
        return endpointConfiguration != null
                ? endpointConfiguration
                : EndpointConfiguration.of(EndpointType.EDGE);
    }

    /** Returns the models by name. */
    public Map<String, Model> models() {
        return models;
    }

    /** Returns the request validators by id. */
    public Map<String, RequestValidator> requestValidators() {
        return requestValidators;
    }

    /** Returns the authorizers by id. */
    public Map<String, Authorizer> authorizers() {
        return authorizers;
    }

    /** Returns the customised gateway responses by type. */
    public Map<GatewayResponseType, GatewayResponse> gatewayResponses() {
        return gatewayResponses;
    }

    /** Returns every resource by path, ancestors included, root first. */
    public Map<String, Resource> resources() {
        return resources;
    }

    /** Returns the resource at a path, if any. */
    public Optional<Resource> resource(String path) {
        return Optional.ofNullable(resources.get(path));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestApi r
                && id.equals(r.id)
                && name.equals(r.name)
                && Objects.equals(description, r.description)
                && Objects.equals(version, r.version)
                && binaryMediaTypes.equals(r.binaryMediaTypes)
                && apiKeySource == r.apiKeySource
                && Objects.equals(minimumCompressionSize, r.minimumCompressionSize)
                && Objects.equals(policy, r.policy)
                && endpointConfiguration().equals(r.endpointConfiguration())
                && models.equals(r.models)
                && requestValidators.equals(r.requestValidators)
                && authorizers.equals(r.authorizers)
                && gatewayResponses.equals(r.gatewayResponses)
                && resources.equals(r.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, resources);
    }

    @Override
    public String toString() {
        return "RestApi[" + id + " " + name + ", " + resources.size() + " resources]";
    }

    /** Builds a {@link RestApi}. */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private String version;
        private List<String> binaryMediaTypes = new ArrayList<>();
        private ApiKeySourceType apiKeySource = ApiKeySourceType.HEADER;
        private Integer minimumCompressionSize;
        private String policy;
        private EndpointConfiguration endpointConfiguration;
        private Map<String, Model> models = new LinkedHashMap<>();
        private Map<String, RequestValidator> requestValidators = new LinkedHashMap<>();
        private Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        private Map<GatewayResponseType, GatewayResponse> gatewayResponses =
                new EnumMap<>(GatewayResponseType.class);
        private Map<String, Resource> resources = new LinkedHashMap<>();

        private Builder() {}

        private Builder(RestApi r) {
            id = r.id;
            name = r.name;
            description = r.description;
            version = r.version;
            binaryMediaTypes = new ArrayList<>(r.binaryMediaTypes);
            apiKeySource = r.apiKeySource;
            minimumCompressionSize = r.minimumCompressionSize;
            policy = r.policy;
            endpointConfiguration = r.endpointConfiguration;
            models = new LinkedHashMap<>(r.models);
            requestValidators = new LinkedHashMap<>(r.requestValidators);
            authorizers = new LinkedHashMap<>(r.authorizers);
            gatewayResponses = new EnumMap<>(GatewayResponseType.class);
            gatewayResponses.putAll(r.gatewayResponses);
            resources = new LinkedHashMap<>(r.resources);
        }

        /** Sets the API id (by default derived from the name). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the version label. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Replaces the binary media types. */
        public Builder binaryMediaTypes(List<String> binaryMediaTypes) {
            this.binaryMediaTypes = new ArrayList<>(binaryMediaTypes);
            return this;
        }

        /** Adds a binary media type. */
        public Builder addBinaryMediaType(String mediaType) {
            binaryMediaTypes.add(mediaType);
            return this;
        }

        /** Sets where API keys are read from. */
        public Builder apiKeySource(ApiKeySourceType apiKeySource) {
            this.apiKeySource = Objects.requireNonNull(apiKeySource);
            return this;
        }

        /** Sets the minimum compression size (0 to 10,485,760). */
        public Builder minimumCompressionSize(int minimumCompressionSize) {
            this.minimumCompressionSize = minimumCompressionSize;
            return this;
        }

        /** Sets the resource policy document. */
        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        /** Sets the endpoint configuration. */
        public Builder endpointConfiguration(EndpointConfiguration endpointConfiguration) {
            this.endpointConfiguration = endpointConfiguration;
            return this;
        }

        /** Adds a model, keyed by name. */
        public Builder model(Model model) {
            models.put(model.name(), model);
            return this;
        }

        /** Adds a request validator, keyed by id. */
        public Builder requestValidator(RequestValidator validator) {
            requestValidators.put(validator.id(), validator);
            return this;
        }

        /** Adds an authorizer, keyed by id. */
        public Builder authorizer(Authorizer authorizer) {
            authorizers.put(authorizer.id(), authorizer);
            return this;
        }

        /** Adds a customised gateway response, keyed by type. */
        public Builder gatewayResponse(GatewayResponse gatewayResponse) {
            gatewayResponses.put(gatewayResponse.responseType(), gatewayResponse);
            return this;
        }

        /** Builds and adds a customised gateway response. */
        public Builder gatewayResponse(
                GatewayResponseType type, Consumer<GatewayResponse.Builder> spec) {
            GatewayResponse.Builder b = GatewayResponse.builder().responseType(type);
            spec.accept(b);
            return gatewayResponse(b.build());
        }

        /** Adds a resource, keyed by path; replaces one at the same path. */
        public Builder resource(Resource resource) {
            resources.put(resource.path(), resource);
            return this;
        }

        /** Builds a resource at a path and adds it, merging with methods already defined there. */
        public Builder resource(String path, Consumer<Resource.Builder> spec) {
            Resource existing = resources.get(path);
            Resource.Builder b =
                    existing != null ? existing.toBuilder() : Resource.builder().path(path);
            spec.accept(b);
            try {
                return resource(b.build());
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(path) ? e : Checks.at(path, e);
            }
        }

        /** Enables CORS with the console's defaults; see {@link #enableCors(CorsOptions)}. */
        public Builder enableCors() {
            return enableCors(CorsOptions.defaults());
        }

        /** Enables CORS with the changes the consumer makes to the console's defaults. */
        public Builder enableCors(Consumer<CorsOptions.Builder> spec) {
            return enableCors(CorsOptions.of(spec));
        }

        /**
         * Writes what the console's "Enable CORS" creates (reference 11.2) on the resources defined
         * so far (all of them with a method, or the options' paths): an {@code OPTIONS} method with
         * a MOCK integration answering the preflight with the three {@code Access-Control-Allow-*}
         * headers and the body {@code {}}, the {@code Access-Control-Allow-Origin} mapping on the
         * 200 responses of the other methods whose integration is not a proxy, and the three
         * headers on the options' gateway responses. Calling it again replaces what it wrote (a
         * MOCK {@code OPTIONS} method is replaced); an {@code OPTIONS} method of another kind, or a
         * path with no resource, fails naming the resource, and nothing is written.
         */
        public Builder enableCors(CorsOptions options) {
            CorsDefinition.apply(resources, gatewayResponses, options);
            return this;
        }

        /** Validates the whole definition and builds it; a failure names the place. */
        public RestApi build() {
            return new RestApi(this);
        }
    }
}
