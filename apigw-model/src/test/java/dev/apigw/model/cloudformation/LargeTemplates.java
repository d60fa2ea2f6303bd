package dev.apigw.model.cloudformation;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes large plain CloudFormation templates for import and start-up measurements: one REST API
 * with many resources, all text, no randomness, no dependency beyond the JDK (the benchmarks reuse
 * it).
 *
 * <p>{@link #restApiWith(int)} lays the resources out in chains of three: resource 0 hangs under
 * the root ({@code /res0}), resource 1 under resource 0 ({@code /res0/res1}), resource 2 under
 * resource 1 as a path parameter ({@code /res0/res1/{item2}}), resource 3 under the root again, and
 * so on. Each resource has one method: even ones a {@code GET} with a MOCK integration (request
 * template and integration response), odd ones an {@code ANY} Lambda proxy to the template's one
 * Java function {@code Fn}. A Deployment depending on every method, a Stage {@code prod} with
 * variables and method settings, and a usage plan with one API key complete the template.
 */
public final class LargeTemplates {
    /** Deepest nesting of the generated resources below the root. */
    static final int MAX_DEPTH = 3;

    /** The stage the generated template deploys. */
    static final String STAGE_NAME = "prod";

    /**
     * The fixed value of the generated template's API key (at least 20 characters, as AWS asks).
     */
    static final String API_KEY_VALUE = "large-template-key-0123456789";

    private LargeTemplates() {}

    /**
     * Returns a CloudFormation YAML template holding one {@code AWS::ApiGateway::RestApi} with
     * {@code resources} {@code AWS::ApiGateway::Resource}s and one method on each; the same count
     * always gives the same text.
     *
     * @param resources how many API resources (at least 1)
     * @return the template text
     * @throws IllegalArgumentException if {@code resources} is below 1
     */
    public static String restApiWith(int resources) {
        if (resources < 1) {
            throw new IllegalArgumentException("resources must be at least 1, was " + resources);
        }
        StringBuilder out = new StringBuilder(resources * 900);
        out.append("AWSTemplateFormatVersion: '2010-09-09'\n");
        out.append("Description: Generated REST API with ")
                .append(resources)
                .append(" resources\n");
        out.append("Resources:\n");
        restApi(out);
        List<String> methods = new ArrayList<>(resources);
        for (int i = 0; i < resources; i++) {
            resource(out, i);
            methods.add(method(out, i));
        }
        function(out);
        deployment(out, methods);
        stage(out);
        usagePlan(out);
        return out.toString();
    }

    /** Returns the logical id of resource {@code i}. */
    static String resourceId(int i) {
        return String.format("Resource%04d", i);
    }

    /** Returns the logical id of the method on resource {@code i}. */
    static String methodId(int i) {
        return String.format("Method%04d", i);
    }

    /** Returns how deep resource {@code i} sits below the root (1 to {@link #MAX_DEPTH}). */
    static int depth(int i) {
        return i % MAX_DEPTH + 1;
    }

    /** Returns the path part of resource {@code i}: a path parameter at the deepest level. */
    static String pathPart(int i) {
        return depth(i) == MAX_DEPTH ? "{item" + i + "}" : "res" + i;
    }

    /** Returns whether the method on resource {@code i} is a MOCK (else a Lambda proxy). */
    static boolean isMock(int i) {
        return i % 2 == 0;
    }

    private static void restApi(StringBuilder out) {
        out.append("  Api:\n");
        out.append("    Type: AWS::ApiGateway::RestApi\n");
        out.append("    Properties:\n");
        out.append("      Name: large-api\n");
        out.append("      ApiKeySourceType: HEADER\n");
        out.append("      EndpointConfiguration:\n");
        out.append("        Types:\n");
        out.append("          - REGIONAL\n");
    }

    private static void resource(StringBuilder out, int i) {
        out.append("  ").append(resourceId(i)).append(":\n");
        out.append("    Type: AWS::ApiGateway::Resource\n");
        out.append("    Properties:\n");
        out.append("      RestApiId: !Ref Api\n");
        if (depth(i) == 1) {
            out.append("      ParentId: !GetAtt Api.RootResourceId\n");
        } else {
            out.append("      ParentId: !Ref ").append(resourceId(i - 1)).append('\n');
        }
        out.append("      PathPart: '").append(pathPart(i)).append("'\n");
    }

    private static String method(StringBuilder out, int i) {
        String id = methodId(i);
        out.append("  ").append(id).append(":\n");
        out.append("    Type: AWS::ApiGateway::Method\n");
        out.append("    Properties:\n");
        out.append("      RestApiId: !Ref Api\n");
        out.append("      ResourceId: !Ref ").append(resourceId(i)).append('\n');
        out.append("      AuthorizationType: NONE\n");
        if (isMock(i)) {
            mockMethod(out, i);
        } else {
            proxyMethod(out);
        }
        return id;
    }

    private static void mockMethod(StringBuilder out, int i) {
        out.append("      HttpMethod: GET\n");
        out.append("      ApiKeyRequired: ").append(i % 4 == 0).append('\n');
        out.append("      Integration:\n");
        out.append("        Type: MOCK\n");
        out.append("        RequestTemplates:\n");
        out.append("          application/json: '{\"statusCode\": 200}'\n");
        out.append("        IntegrationResponses:\n");
        out.append("          - StatusCode: '200'\n");
        out.append("            ResponseTemplates:\n");
        out.append("              application/json: '{\"resource\": ")
                .append(i)
                .append(", \"stage\": \"$stageVariables.env\"}'\n");
        out.append("      MethodResponses:\n");
        out.append("        - StatusCode: '200'\n");
    }

    private static void proxyMethod(StringBuilder out) {
        out.append("      HttpMethod: ANY\n");
        out.append("      Integration:\n");
        out.append("        Type: AWS_PROXY\n");
        out.append("        IntegrationHttpMethod: POST\n");
        out.append("        Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path")
                .append("/2015-03-31/functions/${Fn.Arn}/invocations'\n");
    }

    private static void function(StringBuilder out) {
        out.append("  Fn:\n");
        out.append("    Type: AWS::Lambda::Function\n");
        out.append("    Properties:\n");
        out.append("      Runtime: java17\n");
        out.append("      Handler: example.Handler::handleRequest\n");
        out.append("      Code: function.jar\n");
        out.append("      MemorySize: 512\n");
        out.append("      Timeout: 10\n");
        out.append("      Role: !Sub 'arn:aws:iam::${AWS::AccountId}:role/large-api-fn'\n");
    }

    private static void deployment(StringBuilder out, List<String> methods) {
        out.append("  Deployment:\n");
        out.append("    Type: AWS::ApiGateway::Deployment\n");
        out.append("    DependsOn:\n");
        for (String method : methods) {
            out.append("      - ").append(method).append('\n');
        }
        out.append("    Properties:\n");
        out.append("      RestApiId: !Ref Api\n");
        out.append("      Description: generated\n");
    }

    private static void stage(StringBuilder out) {
        out.append("  Stage:\n");
        out.append("    Type: AWS::ApiGateway::Stage\n");
        out.append("    Properties:\n");
        out.append("      RestApiId: !Ref Api\n");
        out.append("      DeploymentId: !Ref Deployment\n");
        out.append("      StageName: ").append(STAGE_NAME).append('\n');
        out.append("      Variables:\n");
        out.append("        env: bench\n");
        out.append("        fnAlias: live\n");
        out.append("      MethodSettings:\n");
        out.append("        - ResourcePath: '/*'\n");
        out.append("          HttpMethod: '*'\n");
        out.append("          MetricsEnabled: true\n");
        out.append("          ThrottlingRateLimit: 1000\n");
        out.append("          ThrottlingBurstLimit: 500\n");
        out.append("        - ResourcePath: '/~1res0'\n");
        out.append("          HttpMethod: GET\n");
        out.append("          ThrottlingRateLimit: 100\n");
        out.append("          ThrottlingBurstLimit: 50\n");
    }

    private static void usagePlan(StringBuilder out) {
        out.append("  UsagePlan:\n");
        out.append("    Type: AWS::ApiGateway::UsagePlan\n");
        out.append("    Properties:\n");
        out.append("      UsagePlanName: large-plan\n");
        out.append("      ApiStages:\n");
        out.append("        - ApiId: !Ref Api\n");
        out.append("          Stage: !Ref Stage\n");
        out.append("      Throttle:\n");
        out.append("        RateLimit: 500\n");
        out.append("        BurstLimit: 200\n");
        out.append("      Quota:\n");
        out.append("        Limit: 100000\n");
        out.append("        Period: DAY\n");
        out.append("  ApiKey:\n");
        out.append("    Type: AWS::ApiGateway::ApiKey\n");
        out.append("    Properties:\n");
        out.append("      Name: large-key\n");
        out.append("      Enabled: true\n");
        out.append("      Value: ").append(API_KEY_VALUE).append('\n');
        out.append("  UsagePlanKey:\n");
        out.append("    Type: AWS::ApiGateway::UsagePlanKey\n");
        out.append("    Properties:\n");
        out.append("      KeyId: !Ref ApiKey\n");
        out.append("      KeyType: API_KEY\n");
        out.append("      UsagePlanId: !Ref UsagePlan\n");
    }
}
