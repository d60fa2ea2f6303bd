package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Model;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.openapi.BasePathMode;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.openapi.ImportResult;
import dev.apigw.model.openapi.OpenApiImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code AWS::ApiGateway::RestApi} and the resources that belong to it ({@code Resource},
 * {@code Method}, {@code Model}, {@code RequestValidator}, {@code Authorizer}, {@code
 * GatewayResponse}) into a {@link RestApi}. A {@code Body} (or a local {@code BodyS3Location}) is
 * imported as {@code ImportRestApi} imports it (reference 4.3), with the API's {@code Parameters}
 * ({@code basepath}, {@code endpointConfigurationTypes}) and {@code FailOnWarnings}; the other
 * properties then apply as CloudFormation's {@code UpdateRestApi} does ({@code Name} replaces the
 * title).
 */
final class RestApiReader {
    private final ImportRun run;
    private final String logicalId;
    private final String apiId;
    private final Map<String, String> paths = new HashMap<>();

    RestApiReader(ImportRun run, String logicalId) {
        this.run = run;
        this.logicalId = logicalId;
        this.apiId = run.ids().ref(logicalId).asText();
        paths.put(run.ids().rootResourceId(logicalId), "/");
    }

    /** Returns the API with every resource of the template that belongs to it. */
    RestApi read() {
        Props p = run.properties(logicalId);
        RestApi.Builder b = definition(p);
        b.id(apiId);
        p.text("Name").ifPresent(b::name);
        p.text("Description").ifPresent(b::description);
        p.texts("BinaryMediaTypes").forEach(b::addBinaryMediaType);
        p.enumValue("ApiKeySourceType", ApiKeySourceType.class).ifPresent(b::apiKeySource);
        p.integer("MinimumCompressionSize").ifPresent(b::minimumCompressionSize);
        if (p.has("Policy")) {
            JsonNode policy = p.raw("Policy");
            b.policy(policy.isTextual() ? policy.asText() : policy.toString());
        }
        if (p.has("EndpointConfiguration")) {
            b.endpointConfiguration(endpoint(p));
        }
        for (String id : members("AWS::ApiGateway::Model")) {
            Props m = run.properties(id);
            JsonNode schema = m.raw("Schema");
            b.model(
                    new Model(
                            run.ids().ref(id).asText(),
                            m.text("ContentType").orElse("application/json"),
                            schema.isTextual() ? schema.asText() : schema.toString(),
                            m.text("Description").orElse("")));
        }
        for (String id : members("AWS::ApiGateway::RequestValidator")) {
            Props v = run.properties(id);
            b.requestValidator(
                    new RequestValidator(
                            run.ids().ref(id).asText(),
                            v.text("Name").orElse(id),
                            v.bool("ValidateRequestBody").orElse(false),
                            v.bool("ValidateRequestParameters").orElse(false)));
        }
        for (String id : members("AWS::ApiGateway::Authorizer")) {
            b.authorizer(authorizer(id, run.properties(id)));
        }
        for (String id : members("AWS::ApiGateway::GatewayResponse")) {
            Props g = run.properties(id);
            GatewayResponse.Builder r =
                    GatewayResponse.builder()
                            .responseType(
                                    g.enumValue("ResponseType", GatewayResponseType.class)
                                            .orElseThrow(() -> g.fail("ResponseType", "required")));
            g.integer("StatusCode").ifPresent(r::statusCode);
            r.responseParameters(g.textMap("ResponseParameters"));
            r.responseTemplates(g.textMap("ResponseTemplates"));
            b.gatewayResponse(r.build());
        }
        b.resource("/", r -> r.id(run.ids().rootResourceId(logicalId)));
        for (String id : members("AWS::ApiGateway::Resource")) {
            String resourceId = run.ids().ref(id).asText();
            b.resource(
                    path(resourceId, run.properties(id), new ArrayList<>()), r -> r.id(resourceId));
        }
        for (String id : members("AWS::ApiGateway::Method")) {
            Props m = run.properties(id);
            String path = path(m.required("ResourceId"), m, new ArrayList<>());
            try {
                b.resource(path, r -> r.method(MethodReader.read(m)));
            } catch (CloudFormationImportException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw m.fail(e.getMessage());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CloudFormationImportException("Resources." + logicalId, e.getMessage(), e);
        }
    }

    private RestApi.Builder definition(Props p) {
        if (BodyImport.hasBody(p)) {
            OpenApiImporter importer = OpenApiImporter.create(importOptions(p));
            return new BodyImport<ImportResult>(
                            body -> body(importer, body, p),
                            importer::importFile,
                            ImportResult::warnings)
                    .read(run, p).api().toBuilder();
        }
        if (!p.has("Name")) {
            throw p.fail("Name", "is required when there is no Body or BodyS3Location");
        }
        return RestApi.builder().name(p.required("Name"));
    }

    /**
     * Imports a {@code Body}; one without {@code info.title} takes the API's {@code Name} as its
     * title (CloudFormation creates the API with the name, then puts the body).
     */
    private static ImportResult body(OpenApiImporter importer, JsonNode body, Props p) {
        if (body.isTextual()) {
            return importer.importText(body.asText());
        }
        if (body.isObject() && body.path("info").path("title").isMissingNode() && p.has("Name")) {
            ObjectNode titled = ((ObjectNode) body).deepCopy();
            JsonNode info = titled.path("info");
            ObjectNode withTitle = info.isObject() ? (ObjectNode) info : titled.putObject("info");
            withTitle.put("title", p.required("Name"));
            return importer.importTree(titled);
        }
        return importer.importTree(body);
    }

    private ImportOptions importOptions(Props p) {
        Props parameters = p.object("Parameters");
        ImportOptions.Builder o = run.options().openApi().toBuilder();
        parameters
                .text("basepath")
                .ifPresent(v -> o.basePath(BasePathMode.valueOf(v.toUpperCase(Locale.ROOT))));
        parameters
                .text("endpointConfigurationTypes")
                .ifPresent(v -> o.endpointType(EndpointType.valueOf(v.toUpperCase(Locale.ROOT))));
        p.bool("FailOnWarnings").ifPresent(o::failOnWarnings);
        return o.build();
    }

    private static EndpointConfiguration endpoint(Props p) {
        Props e = p.object("EndpointConfiguration");
        List<EndpointType> types = new ArrayList<>();
        for (String type : e.texts("Types")) {
            types.add(EndpointType.valueOf(type.toUpperCase(Locale.ROOT)));
        }
        return new EndpointConfiguration(
                types.isEmpty() ? List.of(EndpointType.EDGE) : types,
                e.texts("VpcEndpointIds"),
                p.bool("DisableExecuteApiEndpoint").orElse(false));
    }

    private Authorizer authorizer(String id, Props a) {
        Authorizer.Builder b =
                Authorizer.builder()
                        .id(run.ids().ref(id).asText())
                        .name(a.text("Name").orElse(id))
                        .type(
                                a.enumValue("Type", AuthorizerType.class)
                                        .orElseThrow(() -> a.fail("Type", "is required")));
        a.text("AuthorizerUri").ifPresent(b::authorizerUri);
        a.text("AuthorizerCredentials").ifPresent(b::authorizerCredentials);
        a.text("IdentitySource").ifPresent(b::identitySource);
        a.text("IdentityValidationExpression").ifPresent(b::identityValidationExpression);
        a.integer("AuthorizerResultTtlInSeconds").ifPresent(b::authorizerResultTtlInSeconds);
        if (a.has("ProviderARNs")) {
            b.providerArns(a.texts("ProviderARNs"));
        }
        a.text("AuthType").ifPresent(b::authType);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
    }

    /** Returns the logical ids of the template's resources of a type that belong to this API. */
    private List<String> members(String type) {
        return run.members(type, "RestApiId", apiId);
    }

    /** Returns the path of the resource with this id, walking its parents. */
    private String path(String resourceId, Props at, List<String> seen) {
        String known = paths.get(resourceId);
        if (known != null) {
            return known;
        }
        String logical = run.logicalIdOf("AWS::ApiGateway::Resource", resourceId, at, "ResourceId");
        if (seen.contains(logical) || seen.size() > 300) {
            throw at.fail("ParentId", "the resources' parents form a cycle: " + seen);
        }
        seen.add(logical);
        Props r = run.properties(logical);
        if (!r.required("RestApiId").equals(apiId)) {
            throw r.fail("RestApiId", "the resource is not of the API " + logicalId);
        }
        String parent = path(r.required("ParentId"), r, seen);
        String path = (parent.equals("/") ? "" : parent) + "/" + r.required("PathPart");
        paths.put(resourceId, path);
        return path;
    }
}
