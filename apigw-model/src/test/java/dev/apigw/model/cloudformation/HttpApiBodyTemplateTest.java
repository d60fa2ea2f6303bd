package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.CloudFormationImporterTest.BASE;
import static dev.apigw.model.cloudformation.CloudFormationImporterTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP APIs whose definition is an OpenAPI document: {@code AWS::ApiGatewayV2::Api}'s {@code Body}
 * and {@code BodyS3Location}, SAM's {@code DefinitionBody} and {@code DefinitionUri}, imported as
 * apigatewayv2's {@code ImportApi} imports them (reference 4.3, "HTTP API import"), with the
 * template's resources and function events attached.
 */
class HttpApiBodyTemplateTest {
    private static final String BODY =
            """
                    openapi: 3.0.1
                    info: {title: from-body, version: '1'}
                    paths:
                      /orders:
                        get:
                          x-amazon-apigateway-integration:
                            type: http_proxy
                            httpMethod: GET
                            uri: https://backend.example/orders
                            payloadFormatVersion: '1.0'
                      /pets:
                        get:
                          responses: {default: {description: ok}}
                    x-amazon-apigateway-importexport-version: '1.0'
            """;

    @Test
    void importText_body_routesFromTheBodyAndResourcesAttached() {
        GatewayDefinition def =
                load(
                        """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Body:
                %s
                  Extra:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties: {ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationMethod: ANY, IntegrationUri: https://extra.example}
                  ExtraRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties: {ApiId: !Ref Api, RouteKey: POST /extra, Target: !Sub 'integrations/${Extra}'}
                  Stage:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties: {ApiId: !Ref Api, StageName: $default, AutoDeploy: true}
                """
                                .formatted(BODY.indent(4)),
                        BASE);
        HttpApi api = def.httpApi("Api");

        assertThat(api.name()).isEqualTo("from-body");
        assertThat(api.routes().keySet())
                .containsExactly("GET /orders", "GET /pets", "POST /extra");
        assertThat(integrationOf(api, "GET /orders").integrationUri())
                .hasValue("https://backend.example/orders");
        assertThat(integrationOf(api, "POST /extra").integrationUri())
                .hasValue("https://extra.example");
        assertThat(api.stages()).containsOnlyKeys("$default");
    }

    @Test
    void importText_nameBesideBody_nameWins() {
        HttpApi api =
                load(
                                """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Name: from-template
                      Body:
                %s
                """
                                        .formatted(BODY.indent(4)),
                                BASE)
                        .httpApi("Api");

        assertThat(api.name()).isEqualTo("from-template");
        assertThat(api.routes()).hasSize(2);
    }

    @Test
    void importText_bodyWarning_inTheDefinitionsWarningsOrFailsWithFailOnWarnings() {
        String template =
                """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      FailOnWarnings: %s
                      Body:
                        openapi: 3.0.1
                        info: {title: t, version: '1'}
                        paths:
                          /pets:
                            get:
                              x-amazon-apigateway-integration: {type: aws}
                """;

        GatewayDefinition def = load(template.formatted("false"), BASE);

        assertThat(def.warnings())
                .singleElement()
                .asString()
                .startsWith("Resources.Api.Properties.Body: ")
                .contains("integration type aws is for REST APIs");
        assertThatThrownBy(() -> load(template.formatted("true"), BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith(
                        "Resources.Api.Properties.Body.paths./pets.get"
                                + ".x-amazon-apigateway-integration.type: ");
    }

    @Test
    void importText_badBody_failsNamingThePlaceInTheBody() {
        assertThatThrownBy(
                        () ->
                                load(
                                        """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Body: {swagger: '2.0', info: {title: t, version: '1'}, paths: {}}
                """,
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith("Resources.Api.Properties.Body.swagger: ")
                .hasMessageContaining("HTTP APIs import OpenAPI 3.0 only");
    }

    @Test
    void importFile_bodyS3LocationLocalPath_imported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("api.yaml"), BODY);
        Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {BodyS3Location: api.yaml}
                """);

        HttpApi api = CloudFormationImporter.create(BASE).importFile(template).httpApi("Api");

        assertThat(api.routes().keySet()).containsExactly("GET /orders", "GET /pets");
    }

    @Test
    void importText_bodyS3LocationObject_failsAsTheRestReaderDoes() {
        assertThatThrownBy(
                        () ->
                                load(
                                        """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {BodyS3Location: {Bucket: b, Key: api.yaml}}
                """,
                                        BASE))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageStartingWith(
                        "Resources.Api.Properties.BodyS3Location: an S3 object cannot be read"
                                + " here");
    }

    @Test
    void importText_samDefinitionBodyWithEvents_eventIntegrationAndDefaultAuthorizerOnBodyRoutes() {
        HttpApi api =
                load(
                                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        DefaultAuthorizer: Jwt
                        Authorizers:
                          Jwt:
                            AuthorizationScopes: [shop/read]
                            JwtConfiguration: {issuer: https://issuer.example, audience: [a]}
                      DefinitionBody:
                %s
                  Pets:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      Handler: a.B
                      CodeUri: x.jar
                      Events:
                        List:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Shop, Path: /pets, Method: get, Auth: {Authorizer: Jwt}}
                        Create:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Shop, Path: /pets, Method: post, Auth: {Authorizer: NONE}}
                """
                                        .formatted(BODY.indent(8)),
                                BASE)
                        .httpApi("Shop");
        Route list = api.route("GET /pets").orElseThrow();

        assertThat(api.name()).isEqualTo("from-body");
        assertThat(api.routes().keySet()).containsExactly("GET /orders", "GET /pets", "POST /pets");
        assertThat(integrationOf(api, "GET /pets").integrationUri().orElseThrow())
                .endsWith("function:Pets/invocations");
        assertThat(list.authorizationType()).isEqualTo(AuthorizationType.JWT);
        assertThat(list.authorizationScopes()).containsExactly("shop/read");
        assertThat(integrationOf(api, "GET /orders").integrationUri())
                .hasValue("https://backend.example/orders");
        assertThat(api.route("GET /orders").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.JWT);
        assertThat(api.route("GET /orders").orElseThrow().authorizerId())
                .isEqualTo(list.authorizerId());
        assertThat(api.route("POST /pets").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.NONE);
        assertThat(api.stages()).containsOnlyKeys("$default");
    }

    @Test
    void importFile_samDefinitionUriLocalPath_imported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("api.yaml"), BODY);
        Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties: {DefinitionUri: api.yaml, StageName: live}
                """);

        HttpApi api = CloudFormationImporter.create(BASE).importFile(template).httpApi("Shop");

        assertThat(api.routes()).hasSize(2);
        assertThat(api.stages()).containsOnlyKeys("live");
    }

    @Test
    void importText_samDefinitionBodyAndUri_fails() {
        assertThatThrownBy(
                        () ->
                                load(
                                        """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties: {DefinitionUri: api.yaml, DefinitionBody: {openapi: 3.0.1}}
                """,
                                        BASE))
                .hasMessage(
                        "Resources.Shop.Properties: Specify either 'DefinitionUri' or"
                                + " 'DefinitionBody' property and not both.");
    }

    private static HttpIntegration integrationOf(HttpApi api, String routeKey) {
        return api.integrations()
                .get(api.route(routeKey).orElseThrow().integrationId().orElseThrow());
    }
}
