package dev.apigw.model.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigw.model.openapi.ImportOptions;
import dev.apigw.model.template.Intrinsics;
import dev.apigw.model.template.StableIds;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ids AWS gives a template's resources, as {@code Ref} and {@code Fn::GetAtt} return them
 * ("Return values" of each resource in the CloudFormation reference): a REST API's id, a stage's
 * name, a function's name and ARN... Generated ids are derived from the stack name and the logical
 * id, so they are the same on every import; a resource with a name property ({@code FunctionName},
 * {@code RoleName}, {@code TableName}...) has that name, else its logical id (CloudFormation would
 * add a random suffix).
 */
final class PhysicalIds {
    private final Template template;
    private final ImportOptions pseudo;
    private final Intrinsics intrinsics;
    private final Set<String> naming = new HashSet<>();

    PhysicalIds(Template template, ImportOptions pseudo, Intrinsics intrinsics) {
        this.template = template;
        this.pseudo = pseudo;
        this.intrinsics = intrinsics;
    }

    /** Returns a generated id of a resource: lowercase letters and digits. */
    String id(String logicalId, int length) {
        return StableIds.of(pseudo.stackName() + "/" + logicalId, length);
    }

    /** Returns the id of a REST API's root resource. */
    String rootResourceId(String apiLogicalId) {
        return id(apiLogicalId + "/", 10);
    }

    /** Returns an ARN of this account and region. */
    String arn(String service, String resource) {
        return "arn:"
                + pseudo.partition()
                + ":"
                + service
                + ":"
                + pseudo.region()
                + ":"
                + pseudo.accountId()
                + ":"
                + resource;
    }

    /** Returns what {@code Ref logicalId} is. */
    JsonNode ref(String logicalId) {
        String type = template.type(logicalId);
        switch (type) {
            case "AWS::ApiGateway::RestApi":
            case "AWS::ApiGatewayV2::Api":
            case "AWS::Serverless::HttpApi":
                return text(id(logicalId, 10));
            case "AWS::ApiGateway::Resource":
            case "AWS::ApiGateway::Authorizer":
            case "AWS::ApiGateway::RequestValidator":
            case "AWS::ApiGateway::UsagePlan":
                return text(id(logicalId, 6));
            case "AWS::ApiGateway::Deployment":
            case "AWS::ApiGateway::ApiKey":
            case "AWS::ApiGateway::UsagePlanKey":
            case "AWS::ApiGateway::GatewayResponse":
                return text(id(logicalId, 10));
            case "AWS::ApiGateway::Stage":
            case "AWS::ApiGatewayV2::Stage":
                return text(name(logicalId, "StageName"));
            case "AWS::ApiGatewayV2::Route":
            case "AWS::ApiGatewayV2::Integration":
            case "AWS::ApiGatewayV2::Authorizer":
            case "AWS::ApiGatewayV2::Deployment":
                return text(id(logicalId, 7));
            case "AWS::ApiGateway::Model":
                return text(name(logicalId, "Name"));
            case "AWS::ApiGateway::DomainName":
                return text(name(logicalId, "DomainName"));
            case "AWS::Lambda::Function":
                return text(name(logicalId, "FunctionName"));
            case "AWS::IAM::Role":
                return text(name(logicalId, "RoleName"));
            case "AWS::Cognito::UserPool":
                return text(pseudo.region() + "_" + id(logicalId, 9).toUpperCase(Locale.ROOT));
            case "AWS::SQS::Queue":
                return text(
                        "https://sqs."
                                + pseudo.region()
                                + ".amazonaws.com/"
                                + pseudo.accountId()
                                + "/"
                                + name(logicalId, "QueueName"));
            case "AWS::SNS::Topic":
            case "AWS::StepFunctions::StateMachine":
            case "AWS::Serverless::StateMachine":
                return getAtt(logicalId, "Arn");
            case "AWS::DynamoDB::Table":
                return text(name(logicalId, "TableName"));
            case "AWS::S3::Bucket":
                return text(name(logicalId, "BucketName").toLowerCase(Locale.ROOT));
            default:
                return text(logicalId);
        }
    }

    /** Returns what {@code Fn::GetAtt [logicalId, attribute]} is. */
    JsonNode getAtt(String logicalId, String attribute) {
        String type = template.type(logicalId);
        String at = type + " " + attribute;
        switch (at) {
            case "AWS::ApiGateway::RestApi RootResourceId":
                return text(rootResourceId(logicalId));
            case "AWS::ApiGateway::RestApi RestApiId":
            case "AWS::ApiGateway::Authorizer AuthorizerId":
            case "AWS::ApiGateway::RequestValidator RequestValidatorId":
            case "AWS::ApiGateway::Resource ResourceId":
            case "AWS::ApiGateway::Deployment DeploymentId":
            case "AWS::ApiGateway::ApiKey APIKeyId":
            case "AWS::ApiGateway::UsagePlan Id":
            case "AWS::ApiGatewayV2::Api ApiId":
            case "AWS::ApiGatewayV2::Route RouteId":
            case "AWS::ApiGatewayV2::Integration IntegrationId":
            case "AWS::ApiGatewayV2::Authorizer AuthorizerId":
            case "AWS::ApiGatewayV2::Deployment DeploymentId":
                return ref(logicalId);
            case "AWS::ApiGatewayV2::Api ApiEndpoint":
                return text(
                        "https://"
                                + ref(logicalId).asText()
                                + ".execute-api."
                                + pseudo.region()
                                + ".amazonaws.com");
            case "AWS::ApiGateway::DomainName DistributionDomainName":
                return text(id(logicalId, 14) + ".cloudfront.net");
            case "AWS::ApiGateway::DomainName RegionalDomainName":
                return text(
                        "d-"
                                + id(logicalId, 10)
                                + ".execute-api."
                                + pseudo.region()
                                + ".amazonaws.com");
            case "AWS::Lambda::Function Arn":
                return text(arn("lambda", "function:" + name(logicalId, "FunctionName")));
            case "AWS::IAM::Role Arn":
                return text(
                        "arn:"
                                + pseudo.partition()
                                + ":iam::"
                                + pseudo.accountId()
                                + ":role/"
                                + name(logicalId, "RoleName"));
            case "AWS::Cognito::UserPool Arn":
                return text(arn("cognito-idp", "userpool/" + ref(logicalId).asText()));
            case "AWS::Cognito::UserPool ProviderURL":
                return text(
                        "https://cognito-idp."
                                + pseudo.region()
                                + ".amazonaws.com/"
                                + ref(logicalId).asText());
            case "AWS::SQS::Queue Arn":
                return text(arn("sqs", name(logicalId, "QueueName")));
            case "AWS::SQS::Queue QueueName":
                return text(name(logicalId, "QueueName"));
            case "AWS::SNS::Topic Arn":
                return text(arn("sns", name(logicalId, "TopicName")));
            case "AWS::DynamoDB::Table Arn":
                return text(arn("dynamodb", "table/" + name(logicalId, "TableName")));
            case "AWS::S3::Bucket Arn":
                return text("arn:" + pseudo.partition() + ":s3:::" + ref(logicalId).asText());
            case "AWS::StepFunctions::StateMachine Arn":
            case "AWS::Serverless::StateMachine Arn":
                return text(arn("states", "stateMachine:" + name(logicalId, "StateMachineName")));
            default:
                break;
        }
        if (attribute.equals("Arn")) {
            String[] parts = type.split("::");
            String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
            return text(arn(service, logicalId));
        }
        return text(logicalId + "." + attribute);
    }

    /** Returns the name property of a resource when it sets one, else its logical id. */
    String name(String logicalId, String property) {
        JsonNode value =
                template.root().path("Resources").path(logicalId).path("Properties").path(property);
        if (value.isMissingNode() || value.isNull()) {
            return logicalId;
        }
        if (!naming.add(logicalId)) {
            throw new CloudFormationImportException(
                    "Resources." + logicalId + ".Properties." + property,
                    "the name refers to itself");
        }
        try {
            return intrinsics
                    .evaluate(value, "Resources." + logicalId + ".Properties." + property)
                    .asText();
        } finally {
            naming.remove(logicalId);
        }
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
