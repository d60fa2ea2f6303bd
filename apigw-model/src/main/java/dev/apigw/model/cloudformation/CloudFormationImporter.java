package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.RestApi;
import dev.apigw.model.template.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a CloudFormation template, a SAM template ({@code Transform: AWS::Serverless-2016-10-31})
 * or {@code cdk synth} output, JSON or YAML with short-form tags, into one {@link
 * GatewayDefinition}: every REST API with its deployments and stages, usage plan, API key, usage
 * plan key, custom domain name, base path mapping, HTTP API ({@code AWS::ApiGatewayV2::*}, SAM's
 * {@code AWS::Serverless::HttpApi} and {@code HttpApi} function events) and Lambda function, each
 * under its logical id. Intrinsic functions are evaluated with the {@link TemplateOptions}'
 * parameter values (else the {@code Default}s); a resource whose {@code Condition} is false is left
 * out. WebSocket APIs ({@code ProtocolType: WEBSOCKET}) are read into {@link
 * GatewayDefinition#webSocketApis()} with their routes, integrations, route and integration
 * responses, authorizers and stages (reference 7.3).
 *
 * <p>Errors fail with a {@link CloudFormationImportException} that names the property path ({@code
 * Resources.OrdersApi.Properties.Body.paths./orders.get...}). Instances are immutable and
 * thread-safe.
 */
public final class CloudFormationImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String SERVERLESS = "AWS::Serverless-2016-10-31";

    private final TemplateOptions options;

    private CloudFormationImporter(TemplateOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Returns an importer with the default options. */
    public static CloudFormationImporter create() {
        return new CloudFormationImporter(TemplateOptions.defaults());
    }

    /** Returns an importer with these options. */
    public static CloudFormationImporter create(TemplateOptions options) {
        return new CloudFormationImporter(options);
    }

    /** Imports a template file; its local paths are relative to its directory. */
    public GatewayDefinition importFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Path directory = file.toAbsolutePath().getParent();
        return importBytes(bytes, directory);
    }

    /** Imports a template's text; its local paths are relative to {@code directory}. */
    public GatewayDefinition importText(String template, Path directory) {
        return importBytes(template.getBytes(StandardCharsets.UTF_8), directory.toAbsolutePath());
    }

    private GatewayDefinition importBytes(byte[] bytes, Path directory) {
        ObjectNode root = parse(bytes);
        if (isServerless(root.path("Transform"))) {
            root = SamTransform.expand(root);
        } else {
            requireNoServerless(root);
        }
        ImportRun run = new ImportRun(new Template(root, directory), options);
        GatewayDefinition.Builder out = GatewayDefinition.builder();
        for (String id : run.ofType("AWS::ApiGateway::RestApi")) {
            RestApi api = new RestApiReader(run, id).read();
            out.restApi(DeploymentReader.read(run, id, api));
        }
        new UsagePlanReader(run, new SecureRandom()).read(out);
        DomainNameReader.read(run, out);
        for (String id : run.ofType("AWS::Lambda::Function")) {
            out.function(FunctionReader.read(run, id));
        }
        HttpApiReader.readAll(run, out);
        run.warnings().forEach(out::warning);
        return out.build();
    }

    /** Fails on a SAM resource in a template without SAM's transform, as CloudFormation does. */
    private static void requireNoServerless(ObjectNode root) {
        for (Map.Entry<String, JsonNode> e : root.path("Resources").properties()) {
            String type = e.getValue().path("Type").asText();
            if (type.startsWith("AWS::Serverless::")) {
                throw new CloudFormationImportException(
                        "Resources." + e.getKey(),
                        type
                                + " needs the SAM transform: add 'Transform: "
                                + SERVERLESS
                                + "' to the template");
            }
        }
    }

    private static boolean isServerless(JsonNode transform) {
        if (transform.isTextual()) {
            return transform.asText().equals(SERVERLESS);
        }
        for (JsonNode t : transform) {
            if (t.asText().equals(SERVERLESS)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode parse(byte[] bytes) {
        int first = 0;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        JsonNode root;
        try {
            root =
                    first < bytes.length && bytes[first] == '{'
                            ? JSON.readTree(bytes)
                            : YamlTree.read(YAML, bytes);
        } catch (JsonProcessingException e) {
            throw new CloudFormationImportException(
                    "",
                    "not a JSON or YAML template: "
                            + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new CloudFormationImportException("", e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CloudFormationImportException("", "a template must be a JSON or YAML map");
        }
        return (ObjectNode) root;
    }
}
