package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code AWS::Serverless::Function} as the {@code AWS::Lambda::Function} SAM generates for it:
 * its code ({@code CodeUri}, {@code InlineCode}, {@code ImageUri}), runtime settings and SAM's
 * {@code lambda:createdBy} tag. A local {@code CodeUri} stays a path string, the form {@code aws
 * cloudformation package} reads. Lambda's own defaults (3 s, 128 MB) are not written, as SAM writes
 * none.
 */
final class SamFunction {
    private static final Pattern S3_URI =
            Pattern.compile("s3://([^/]+)/([^?]+)(\\?versionId=(.+))?");
    private static final String[] COPIED = {
        "Handler",
        "Runtime",
        "Description",
        "MemorySize",
        "Timeout",
        "Environment",
        "FunctionName",
        "Architectures",
        "Layers",
        "VpcConfig",
        "KmsKeyArn",
        "ReservedConcurrentExecutions",
        "EphemeralStorage",
        "PackageType",
        "ImageConfig",
        "SnapStart",
        "LoggingConfig",
        "FileSystemConfigs",
        "RuntimeManagementConfig",
        "CodeSigningConfigArn",
        "Role",
        "RecursiveLoop"
    };
    private static final String[] ATTRIBUTES = {
        "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata"
    };

    private SamFunction() {}

    /** The Lambda function of the SAM function {@code id} ({@code resource}, globals applied). */
    static ObjectNode toLambda(String id, ObjectNode resource) {
        String where = "Resources." + id + ".Properties";
        JsonNode value = resource.get("Properties");
        if (value != null && !value.isObject()) {
            throw invalid(where, "must be an object");
        }
        ObjectNode properties = value == null ? JSON.objectNode() : (ObjectNode) value;
        ObjectNode function = JSON.objectNode();
        function.put("Type", "AWS::Lambda::Function");
        ObjectNode lambda = function.putObject("Properties");
        lambda.set("Code", code(properties, where));
        for (String name : COPIED) {
            JsonNode setting = properties.get(name);
            if (setting != null && !setting.isNull()) {
                lambda.set(name, setting);
            }
        }
        JsonNode tracing = properties.get("Tracing");
        if (!SamValues.isFalsy(tracing)) {
            lambda.putObject("TracingConfig").set("Mode", tracing);
        }
        JsonNode deadLetter = properties.get("DeadLetterQueue");
        if (deadLetter != null && deadLetter.isObject() && deadLetter.has("TargetArn")) {
            lambda.putObject("DeadLetterConfig").set("TargetArn", deadLetter.get("TargetArn"));
        }
        ArrayNode tags = lambda.putArray("Tags");
        tags.addObject().put("Key", "lambda:createdBy").put("Value", "SAM");
        JsonNode userTags = properties.get("Tags");
        if (userTags != null && userTags.isObject()) {
            userTags.properties()
                    .forEach(
                            e ->
                                    tags.addObject()
                                            .put("Key", e.getKey())
                                            .set("Value", e.getValue()));
        }
        for (String name : ATTRIBUTES) {
            if (resource.has(name)) {
                function.set(name, resource.get(name));
            }
        }
        return function;
    }

    private static JsonNode code(ObjectNode properties, String where) {
        JsonNode codeUri = properties.get("CodeUri");
        JsonNode inline = properties.get("InlineCode");
        JsonNode image = properties.get("ImageUri");
        if ("Image".equals(SamValues.text(properties.get("PackageType")))) {
            if (SamValues.isFalsy(image)) {
                throw invalid(
                        where + ".ImageUri",
                        "'ImageUri' must be set when 'PackageType' is 'Image'.");
            }
            ObjectNode code = JSON.objectNode();
            code.set("ImageUri", image);
            return code;
        }
        if (!SamValues.isFalsy(codeUri) && !SamValues.isFalsy(inline)) {
            throw invalid(where, "Specify either 'CodeUri' or 'InlineCode' property and not both.");
        }
        if (!SamValues.isFalsy(inline)) {
            ObjectNode code = JSON.objectNode();
            code.set("ZipFile", inline);
            return code;
        }
        if (SamValues.isFalsy(codeUri)) {
            throw invalid(where, "Either 'InlineCode' or 'CodeUri' must be set.");
        }
        if (codeUri.isTextual()) {
            Matcher s3 = S3_URI.matcher(codeUri.textValue());
            if (!s3.matches()) {
                return codeUri;
            }
            ObjectNode code = JSON.objectNode();
            code.put("S3Bucket", s3.group(1));
            code.put("S3Key", s3.group(2));
            if (s3.group(4) != null) {
                code.put("S3ObjectVersion", s3.group(4));
            }
            return code;
        }
        if (SamValues.isIntrinsic(codeUri)) {
            return codeUri;
        }
        if (!codeUri.isObject()
                || SamValues.isFalsy(codeUri.get("Bucket"))
                || SamValues.isFalsy(codeUri.get("Key"))) {
            throw invalid(
                    where + ".CodeUri",
                    "'CodeUri' requires Bucket and Key properties to be specified.");
        }
        ObjectNode code = JSON.objectNode();
        code.set("S3Bucket", codeUri.get("Bucket"));
        code.set("S3Key", codeUri.get("Key"));
        if (codeUri.has("Version")) {
            code.set("S3ObjectVersion", codeUri.get("Version"));
        }
        return code;
    }
}
