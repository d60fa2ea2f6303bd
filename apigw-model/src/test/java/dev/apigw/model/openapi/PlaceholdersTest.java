package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.Integration;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private static ImportResult withIntegration(String extension, ImportOptions options) {
        return importYaml(
                Docs.operation(
                        "/pets", "get", "x-amazon-apigateway-integration:\n" + extension.indent(2)),
                options);
    }

    private static Integration integration(String extension, ImportOptions options) {
        return withIntegration(extension, options)
                .api()
                .resource("/pets")
                .orElseThrow()
                .method("GET")
                .orElseThrow()
                .integration()
                .orElseThrow();
    }

    private static Integration integration(String extension) {
        return integration(extension, ImportOptions.defaults());
    }

    @Test
    void resolve_subWithFunctionArn_givesLambdaUri() {
        Integration i =
                integration(
                        """
                type: aws_proxy
                httpMethod: POST
                uri:
                  Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PetsFunction.Arn}/invocations
                """);

        assertThat(i.uri())
                .contains(
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                                + "functions/arn:aws:lambda:us-east-1:123456789012:function:PetsFunction/invocations");
    }

    @Test
    void resolve_pseudoParametersFromOptions_used() {
        Integration i =
                integration(
                        """
                type: aws
                httpMethod: POST
                uri: arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/q
                """,
                        ImportOptions.builder()
                                .region("ca-central-1")
                                .accountId("999988887777")
                                .partition("aws-cn")
                                .build());

        assertThat(i.uri()).contains("arn:aws-cn:apigateway:ca-central-1:sqs:path/999988887777/q");
    }

    @Test
    void resolve_getAttArnInCredentials_givesRoleArn() {
        Integration i =
                integration(
                        """
                type: aws
                httpMethod: POST
                uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                credentials:
                  Fn::GetAtt: [TableRole, Arn]
                """);

        assertThat(i.credentials()).contains("arn:aws:iam::123456789012:role/TableRole");
    }

    @Test
    void resolve_subWithVariableMapAndRef_usesSuppliedValue() {
        Integration i =
                integration(
                        """
                type: http
                httpMethod: GET
                uri: {Fn::Sub: 'https://${Host}.example.com/${AWS::StackName}'}
                requestParameters:
                  integration.request.header.x-api-key: {"Fn::Sub": ["'${Key}'", {"Key": {"Ref": "ApiKeyValue"}}]}
                """,
                        ImportOptions.builder()
                                .putPlaceholder("Host", "kennel")
                                .putPlaceholder("ApiKeyValue", "k-42")
                                .stackName("shelter")
                                .build());

        assertThat(i.uri()).contains("https://kennel.example.com/shelter");
        assertThat(i.requestParameters())
                .containsEntry("integration.request.header.x-api-key", "'k-42'");
    }

    @Test
    void resolve_stageVariables_survive() {
        Integration i =
                integration(
                        """
                type: http_proxy
                httpMethod: ANY
                uri: https://${stageVariables.host}/${stageVariables.path}
                """);

        assertThat(i.uri()).contains("https://${stageVariables.host}/${stageVariables.path}");
    }

    @Test
    void resolve_unresolvedInUri_failsAtUri() {
        assertThatThrownBy(
                        () ->
                                integration(
                                        """
                type: aws
                httpMethod: POST
                uri: {Fn::Sub: 'arn:aws:apigateway:${AWS::Region}:sqs:path/${Queue.QueueName}'}
                """))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo(
                                                "/paths/~1pets/get/x-amazon-apigateway-integration/uri"))
                .hasMessageStartingWith(
                        "/paths/~1pets/get/x-amazon-apigateway-integration/uri:"
                                + " unresolved placeholder ${Queue.QueueName}");
    }

    @Test
    void resolve_unresolvedInCredentials_keptWithWarning() {
        ImportResult result =
                withIntegration(
                        """
                type: aws
                httpMethod: POST
                uri: arn:aws:apigateway:us-east-1:sqs:path/q
                credentials: {Ref: RoleParameter}
                """,
                        ImportOptions.defaults());

        assertThat(
                        result.api()
                                .resource("/pets")
                                .orElseThrow()
                                .method("GET")
                                .orElseThrow()
                                .integration()
                                .orElseThrow()
                                .credentials())
                .contains("${RoleParameter}");
        assertThat(result.warnings())
                .extracting(ImportWarning::pointer)
                .containsExactly("/paths/~1pets/get/x-amazon-apigateway-integration/credentials");
    }

    @Test
    void resolve_vtlReferenceInPlainTemplate_keptVerbatim() {
        Integration i =
                integration(
                        """
                type: mock
                requestTemplates:
                  application/json: '#set($n = 1){"n": "${n}", "r": "${AWS::Region}"}'
                """);

        assertThat(i.requestTemplates().get("application/json"))
                .isEqualTo("#set($n = 1){\"n\": \"${n}\", \"r\": \"us-east-1\"}");
    }

    @Test
    void resolve_escapedLiteralInSub_keptAsPlaceholder() {
        Integration i =
                integration(
                        """
                type: mock
                requestTemplates:
                  application/json: {Fn::Sub: '{"t": "${Table}", "v": "${!literal}"}'}
                """,
                        ImportOptions.builder().putPlaceholder("Table", "otters").build());

        assertThat(i.requestTemplates().get("application/json"))
                .isEqualTo("{\"t\": \"otters\", \"v\": \"${literal}\"}");
    }

    @Test
    void resolve_unresolvedInSubTemplate_fails() {
        assertThatThrownBy(
                        () ->
                                integration(
                                        """
                type: mock
                requestTemplates:
                  application/json: {Fn::Sub: '{"t": "${Table}"}'}
                """))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .endsWith("/requestTemplates/application~1json"))
                .hasMessageContaining("unresolved placeholder ${Table}");
    }

    @Test
    void resolve_joinAndSuppliedPlainName_resolved() {
        Integration i =
                integration(
                        """
                type: http
                httpMethod: GET
                uri: {Fn::Join: ['', ['https://', {Ref: Domain}, '/x']]}
                cacheNamespace: ${namespace}
                """,
                        ImportOptions.builder()
                                .putPlaceholder("Domain", "d.example.com")
                                .putPlaceholder("namespace", "ns1")
                                .build());

        assertThat(i.uri()).contains("https://d.example.com/x");
        assertThat(i.cacheNamespace()).contains("ns1");
    }

    @Test
    void resolve_unsupportedFunction_failsInUri() {
        assertThatThrownBy(
                        () ->
                                integration(
                                        """
                type: http
                httpMethod: GET
                uri: {Fn::If: [Cond, 'https://a', 'https://b']}
                """))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("unresolved placeholder Fn::If");
    }
}
