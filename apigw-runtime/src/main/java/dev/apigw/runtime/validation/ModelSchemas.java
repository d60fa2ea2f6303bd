package dev.apigw.runtime.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.load.configuration.LoadingConfiguration;
import com.github.fge.jsonschema.core.load.configuration.LoadingConfigurationBuilder;
import com.github.fge.jsonschema.core.load.download.URIDownloader;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import dev.apigw.model.Model;
import dev.apigw.model.RestApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models of one REST API compiled for body validation, JSON Schema draft 4 (reference 4.3). A
 * model is found by other models at {@code
 * https://apigateway.amazonaws.com/restapis/{restApiId}/models/{name}}, the URL AWS uses and the
 * OpenAPI importer writes (a fragment, {@code .../models/Pet#/definitions/Tag}, selects a part);
 * the URL of any API id names this API's model, so a definition whose id changed after import still
 * resolves. Nothing is ever fetched: every other URL fails the build. Each model is checked when
 * first compiled, with the models it references: its text must be a JSON Schema and every {@code
 * $ref} must point at something (no chain of references may loop). The built-in models {@code
 * Empty} and {@code Error} that AWS gives every new API exist unless the API defines its own.
 *
 * <p>The validators it returns are java-json-tools' ({@link JsonToolsBodyValidator}); trying
 * another library means another {@link BodyValidator} and a change here, nowhere else. Used while
 * an API is built, by one thread; the {@link BodyValidator}s it returns are thread-safe.
 */
public final class ModelSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL_URL =
            Pattern.compile(
                    "https://apigateway\\.amazonaws\\.com/restapis/([^/#?]+)/models/([^/#?]+)");
    private static final Map<String, String> BUILT_IN =
            Map.of(
                    "Empty",
                            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
                                    + "\"title\":\"Empty Schema\",\"type\":\"object\"}",
                    "Error",
                            "{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
                                    + "\"title\":\"Error Schema\",\"type\":\"object\","
                                    + "\"properties\":{\"message\":{\"type\":\"string\"}}}");
    private static final Set<String> META_SCHEMAS =
            Set.of(
                    "http://json-schema.org/draft-04/schema",
                    "http://json-schema.org/draft-03/schema");
    private static final String[] SCHEMES = {"http", "https", "ftp", "file", "jar", "resource"};

    private final String apiId;
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, JsonNode> trees = new HashMap<>();
    private final Map<String, String> unreadable = new HashMap<>();
    private final Map<String, BodyValidator> compiled = new HashMap<>();
    private final Set<String> checked = new HashSet<>();
    private final JsonSchemaFactory factory;

    private ModelSchemas(RestApi api) {
        this.apiId = api.id();
        texts.putAll(BUILT_IN);
        for (Model model : api.models().values()) {
            texts.put(model.name(), model.schema());
        }
        LoadingConfigurationBuilder loading = LoadingConfiguration.newBuilder();
        URIDownloader models = this::fetch;
        for (String scheme : SCHEMES) {
            loading.addScheme(scheme, models);
        }
        texts.forEach(
                (name, text) -> {
                    try {
                        JsonNode tree = JSON.readTree(text);
                        trees.put(name, tree);
                        loading.preloadSchema(url(name).toString(), tree);
                    } catch (JsonProcessingException e) {
                        unreadable.put(name, "schema is not JSON: " + e.getOriginalMessage());
                    } catch (IllegalArgumentException e) {
                        unreadable.put(name, "name cannot be used in a model URL");
                    }
                });
        this.factory =
                JsonSchemaFactory.newBuilder().setLoadingConfiguration(loading.freeze()).freeze();
    }

    /** Returns the models of an API, ready to compile. */
    public static ModelSchemas of(RestApi api) {
        return new ModelSchemas(api);
    }

    /**
     * Returns the validator of a model, compiled on the first call and the same instance after;
     * throws {@link IllegalArgumentException} naming the model when it does not exist, is not a
     * valid JSON Schema, or references nothing.
     */
    public BodyValidator validator(String modelName) {
        BodyValidator validator = compiled.get(modelName);
        if (validator != null) {
            return validator;
        }
        check(modelName);
        try {
            validator =
                    new JsonToolsBodyValidator(
                            modelName, factory.getJsonSchema(url(modelName).toString()));
        } catch (ProcessingException e) {
            throw new IllegalArgumentException(
                    "model " + modelName + ": " + e.getProcessingMessage().getMessage(), e);
        }
        compiled.put(modelName, validator);
        return validator;
    }

    private void check(String name) {
        if (!checked.add(name)) {
            return;
        }
        JsonNode tree = tree(name, name);
        ProcessingReport report = factory.getSyntaxValidator().validateSchema(tree);
        List<String> errors = new ArrayList<>();
        for (ProcessingMessage message : report) {
            if (message.getLogLevel().compareTo(LogLevel.ERROR) >= 0) {
                JsonNode details = message.asJson();
                String pointer = details.path("schema").path("pointer").asText("");
                errors.add(
                        details.path("keyword").asText("?")
                                + " at '"
                                + pointer
                                + "': "
                                + message.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "model " + name + ": invalid JSON Schema: " + errors);
        }
        List<String> refs = new ArrayList<>();
        references(tree, refs);
        for (String ref : refs) {
            follow(name, ref, new HashSet<>());
        }
    }

    /**
     * Resolves one reference of model {@code from}, checks that it points at something, and follows
     * the chain while its target is itself only a reference.
     */
    private void follow(String from, String ref, Set<String> chain) {
        String target = resolve(from, ref);
        if (!chain.add(target)) {
            throw new IllegalArgumentException(
                    "model " + from + ": $ref '" + ref + "' loops back on itself");
        }
        int hash = target.indexOf('#');
        String document = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        if (META_SCHEMAS.contains(document)) {
            return;
        }
        Matcher m = MODEL_URL.matcher(document);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "model " + from + ": $ref '" + ref + "' names no model of this API");
        }
        String name = m.group(2);
        JsonNode node = tree(name, from);
        if (!fragment.isEmpty()) {
            if (!fragment.startsWith("/")) {
                throw new IllegalArgumentException(
                        "model " + from + ": $ref '" + ref + "' is not a JSON pointer");
            }
            node = node.at(JsonPointer.compile(fragment));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException(
                        "model " + from + ": $ref '" + ref + "' points to nothing");
            }
        }
        check(name);
        JsonNode next = node.get("$ref");
        if (next != null && next.isTextual()) {
            follow(name, next.asText(), chain);
        }
    }

    private String resolve(String from, String ref) {
        try {
            URI resolved = url(from).resolve(new URI(ref));
            Matcher m = MODEL_URL.matcher(resolved.toString());
            if (m.lookingAt()) {
                return url(m.group(2)) + resolved.toString().substring(m.end());
            }
            return resolved.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "model " + from + ": $ref '" + ref + "' is not a URI", e);
        }
    }

    private JsonNode tree(String name, String referrer) {
        JsonNode tree = trees.get(name);
        if (tree != null) {
            return tree;
        }
        String problem = unreadable.get(name);
        if (problem != null) {
            throw new IllegalArgumentException("model " + name + ": " + problem);
        }
        throw new IllegalArgumentException(
                referrer.equals(name)
                        ? "model " + name + " does not exist"
                        : "model "
                                + referrer
                                + ": $ref names model "
                                + name
                                + ", which does not exist");
    }

    /** Collects every {@code $ref} of a schema, skipping values that are data, not schemas. */
    private static void references(JsonNode node, List<String> refs) {
        if (node.isArray()) {
            node.forEach(item -> references(item, refs));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (key.equals("$ref") && field.getValue().isTextual()) {
                refs.add(field.getValue().asText());
            } else if (!key.equals("enum") && !key.equals("default")) {
                references(field.getValue(), refs);
            }
        }
    }

    private URI url(String name) {
        return URI.create("https://apigateway.amazonaws.com/restapis/" + apiId + "/models/" + name);
    }

    /** Serves a model named under another API id; refuses every other URL. */
    private InputStream fetch(URI uri) throws IOException {
        Matcher m = MODEL_URL.matcher(uri.getScheme() + ":" + uri.getRawSchemeSpecificPart());
        JsonNode tree = m.matches() ? trees.get(m.group(2)) : null;
        if (tree == null) {
            throw new IOException("not a model of this API: " + uri);
        }
        return new ByteArrayInputStream(JSON.writeValueAsBytes(tree));
    }
}
