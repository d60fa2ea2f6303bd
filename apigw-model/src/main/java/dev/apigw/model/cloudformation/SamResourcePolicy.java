package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.SamValues.JSON;
import static dev.apigw.model.cloudformation.SamValues.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SAM {@code ResourcePolicy} (account, IP range and VPC allow and block lists, custom statements)
 * as the {@code x-amazon-apigateway-policy} of the body, one statement group per path as SAM writes
 * them (reference 8.1, 8.8).
 */
final class SamResourcePolicy {
    private static final String POLICY = "x-amazon-apigateway-policy";

    private final SamSwagger body;
    private final String where;

    SamResourcePolicy(SamSwagger body, String where) {
        this.body = body;
        this.where = where;
    }

    /** Adds the statements of {@code policy} for the methods of {@code path}. */
    void add(ObjectNode policy, String path, JsonNode stage) {
        ArrayNode resources = resources(path, stage);
        iam(policy.get("AwsAccountWhitelist"), "Allow", resources);
        iam(policy.get("AwsAccountBlacklist"), "Deny", resources);
        ip(policy.get("IpRangeWhitelist"), "NotIpAddress", resources);
        ip(policy.get("IpRangeBlacklist"), "IpAddress", resources);
        vpc(policy, "Blacklist", "StringEquals", resources);
        vpc(policy, "Whitelist", "StringNotEquals", resources);
        body.doc().set(POLICY, document());
    }

    /** Adds {@code CustomStatements} (a statement or a list), skipping those already present. */
    void addCustomStatements(JsonNode statements) {
        if (SamValues.isFalsy(statements)) {
            return;
        }
        ObjectNode document = document();
        document.put("Version", "2012-10-17");
        JsonNode existing = document.get("Statement");
        if (existing == null || existing.isNull()) {
            document.set("Statement", statements.deepCopy());
        } else {
            ArrayNode list = statementList(document);
            for (JsonNode statement :
                    statements.isArray() ? statements : JSON.arrayNode().add(statements)) {
                if (!contains(list, statement)) {
                    list.add(statement.deepCopy());
                }
            }
        }
        body.doc().set(POLICY, document);
    }

    private ObjectNode document() {
        JsonNode policy = body.doc().get(POLICY);
        return policy != null && policy.isObject() ? (ObjectNode) policy : JSON.objectNode();
    }

    private ArrayNode resources(String path, JsonNode stage) {
        ArrayNode list = JSON.arrayNode();
        String resourcePath =
                path.replaceAll("\\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\\+|proxy\\+)}", "*");
        body.pathItem(path)
                .fieldNames()
                .forEachRemaining(
                        m -> {
                            String method =
                                    m.equalsIgnoreCase(SamSwagger.ANY_METHOD)
                                                    || m.equalsIgnoreCase("any")
                                            ? "*"
                                            : m.toUpperCase(Locale.ROOT);
                            list.add(
                                    SamValues.sub(
                                            "execute-api:/${__Stage__}/" + method + resourcePath,
                                            "__Stage__",
                                            stage));
                        });
        return list;
    }

    private void iam(JsonNode accounts, String effect, ArrayNode resources) {
        if (SamValues.isFalsy(accounts)) {
            return;
        }
        if (!accounts.isObject() && !accounts.isArray()) {
            throw invalid(
                    where, "Type of '" + accounts.asText() + "' must be a list or dictionary");
        }
        ObjectNode statement = statement(effect, resources);
        statement
                .putObject("Principal")
                .set("AWS", accounts.isArray() ? accounts : JSON.arrayNode().add(accounts));
        ObjectNode document = document();
        document.put("Version", "2012-10-17");
        if (document.get("Statement") == null) {
            document.set("Statement", statement);
        } else {
            statementList(document).add(statement);
        }
        body.doc().set(POLICY, document);
    }

    private void ip(JsonNode ranges, String operator, ArrayNode resources) {
        if (SamValues.isFalsy(ranges)) {
            return;
        }
        ObjectNode condition = JSON.objectNode();
        condition
                .putObject(operator)
                .set("aws:SourceIp", ranges.isArray() ? ranges : JSON.arrayNode().add(ranges));
        allowAndDeny(resources, condition);
    }

    private void vpc(ObjectNode policy, String list, String operator, ArrayNode resources) {
        JsonNode endpoints = policy.get("SourceVpc" + list);
        ObjectNode condition = JSON.objectNode();
        List<JsonNode> vpcs = new ArrayList<>();
        List<JsonNode> vpces = new ArrayList<>();
        if (endpoints != null && !endpoints.isNull()) {
            if (!endpoints.isArray()) {
                throw unresolved(list);
            }
            for (JsonNode endpoint : endpoints) {
                if (!endpoint.isTextual()) {
                    throw unresolved(list);
                }
                if (endpoint.textValue().startsWith("vpce-")) {
                    vpces.add(endpoint);
                }
                if (endpoint.textValue().startsWith("vpc-")) {
                    vpcs.add(endpoint);
                }
            }
        }
        addAll(vpcs, policy.get("IntrinsicVpc" + list));
        addAll(vpces, policy.get("IntrinsicVpce" + list));
        if (!vpcs.isEmpty()) {
            condition.putArray("aws:SourceVpc").addAll(vpcs);
        }
        if (!vpces.isEmpty()) {
            condition.putArray("aws:SourceVpce").addAll(vpces);
        }
        if (condition.isEmpty()) {
            return;
        }
        ObjectNode wrapped = JSON.objectNode();
        wrapped.set(operator, condition);
        allowAndDeny(resources, wrapped);
    }

    private IllegalArgumentException unresolved(String list) {
        return invalid(
                where + ".SourceVpc" + list,
                "SourceVpc"
                        + list
                        + " must be a list of strings. Use IntrinsicVpc"
                        + list
                        + " instead for values that use Intrinsic Functions");
    }

    private static void addAll(List<JsonNode> list, JsonNode values) {
        if (values == null || values.isNull()) {
            return;
        }
        if (values.isArray()) {
            values.forEach(list::add);
        } else {
            list.add(values);
        }
    }

    private void allowAndDeny(ArrayNode resources, ObjectNode condition) {
        ObjectNode allow = statement("Allow", resources);
        allow.put("Principal", "*");
        ObjectNode deny = statement("Deny", resources);
        deny.put("Principal", "*");
        deny.set("Condition", condition);
        ObjectNode document = document();
        document.put("Version", "2012-10-17");
        if (document.get("Statement") == null) {
            document.putArray("Statement").add(allow).add(deny);
        } else {
            ArrayNode list = statementList(document);
            if (!contains(list, allow)) {
                list.add(allow);
            }
            if (!contains(list, deny)) {
                list.add(deny);
            }
        }
        body.doc().set(POLICY, document);
    }

    private static ObjectNode statement(String effect, ArrayNode resources) {
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", effect);
        statement.put("Action", "execute-api:Invoke");
        statement.set("Resource", resources.deepCopy());
        return statement;
    }

    private static ArrayNode statementList(ObjectNode document) {
        JsonNode statement = document.get("Statement");
        if (statement.isArray()) {
            return (ArrayNode) statement;
        }
        ArrayNode list = document.putArray("Statement");
        list.add(statement);
        return list;
    }

    private static boolean contains(ArrayNode list, JsonNode statement) {
        for (JsonNode existing : list) {
            if (existing.equals(statement)) {
                return true;
            }
        }
        return false;
    }
}
