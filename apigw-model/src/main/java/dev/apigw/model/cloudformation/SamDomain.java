package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SAM API's {@code Domain}: the {@code AWS::ApiGateway::DomainName} SAM names {@code
 * ApiGatewayDomainName<hash of the name>} and a base path mapping per {@code BasePath} (one without
 * a base path when none is given) onto the API's stage (reference 9.1). Route 53 records are not
 * generated; a PRIVATE domain is left out.
 */
final class SamDomain {
    private SamDomain() {}

    /** The resources of {@code domain} for the API {@code apiId}, with passthrough attributes. */
    static Map<String, ObjectNode> generate(
            String apiId, JsonNode domain, ObjectNode attributes, String where) {
        Map<String, ObjectNode> resources = new LinkedHashMap<>();
        if (domain == null || domain.isNull()) {
            return resources;
        }
        if (!domain.isObject()) {
            throw invalid(where, "must be an object");
        }
        JsonNode name = domain.get("DomainName");
        JsonNode certificate = domain.get("CertificateArn");
        if (name == null || name.isNull()) {
            throw invalid(where + ".DomainName", "Property 'Domain.DomainName' is required.");
        }
        if (certificate == null || certificate.isNull()) {
            throw invalid(
                    where + ".CertificateArn", "Property 'Domain.CertificateArn' is required.");
        }
        String endpoint =
                domain.has("EndpointConfiguration")
                        ? domain.get("EndpointConfiguration").asText()
                        : "REGIONAL";
        if (endpoint.equals("PRIVATE")) {
            return resources;
        }
        if (!endpoint.equals("EDGE") && !endpoint.equals("REGIONAL")) {
            throw invalid(
                    where + ".EndpointConfiguration",
                    "EndpointConfiguration for Custom Domains must be one of"
                            + " ['EDGE', 'REGIONAL', 'PRIVATE'].");
        }
        String domainId =
                "ApiGatewayDomainName"
                        + SamDeployment.sha1(SamDeployment.stringify(name)).substring(0, 10);
        ObjectNode resource = resource("AWS::ApiGateway::DomainName", attributes);
        ObjectNode properties = (ObjectNode) resource.get("Properties");
        properties.set("DomainName", name);
        properties.set(
                endpoint.equals("REGIONAL") ? "RegionalCertificateArn" : "CertificateArn",
                certificate);
        properties.putObject("EndpointConfiguration").putArray("Types").add(endpoint);
        for (String optional :
                new String[] {
                    "MutualTlsAuthentication",
                    "SecurityPolicy",
                    "OwnershipVerificationCertificateArn"
                }) {
            if (!SamValues.isFalsy(domain.get(optional))) {
                properties.set(optional, domain.get(optional));
            }
        }
        resources.put(domainId, resource);
        JsonNode basePath = domain.get("BasePath");
        if (SamValues.isFalsy(basePath)) {
            resources.put(apiId + "BasePathMapping", mapping(apiId, domainId, null, attributes));
            return resources;
        }
        boolean normalize =
                !domain.path("NormalizeBasePath").isBoolean()
                        || domain.get("NormalizeBasePath").booleanValue();
        for (JsonNode path : basePath.isArray() ? basePath : JSON.arrayNode().add(basePath)) {
            if (!path.isTextual()) {
                throw invalid(where + ".BasePath", "must be a list of strings");
            }
            String alphanumeric =
                    path.textValue()
                            .codePoints()
                            .filter(Character::isLetterOrDigit)
                            .collect(
                                    StringBuilder::new,
                                    StringBuilder::appendCodePoint,
                                    StringBuilder::append)
                            .toString();
            resources.put(
                    apiId + alphanumeric + "BasePathMapping",
                    mapping(
                            apiId,
                            domainId,
                            normalize ? alphanumeric : path.textValue(),
                            attributes));
        }
        return resources;
    }

    private static ObjectNode mapping(
            String apiId, String domainId, String basePath, ObjectNode attributes) {
        ObjectNode mapping = resource("AWS::ApiGateway::BasePathMapping", attributes);
        ObjectNode properties = (ObjectNode) mapping.get("Properties");
        properties.set("DomainName", SamValues.ref(domainId));
        properties.set("RestApiId", SamValues.ref(apiId));
        properties.set("Stage", SamValues.ref(apiId + ".Stage"));
        if (basePath != null) {
            properties.put("BasePath", basePath);
        }
        return mapping;
    }

    private static ObjectNode resource(String type, ObjectNode attributes) {
        ObjectNode resource = JSON.objectNode();
        resource.put("Type", type);
        resource.putObject("Properties");
        resource.setAll(attributes.deepCopy());
        return resource;
    }
}
