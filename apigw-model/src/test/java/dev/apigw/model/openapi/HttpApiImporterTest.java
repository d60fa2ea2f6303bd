package dev.apigw.model.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpAuthorizer;
import dev.apigw.model.HttpAuthorizerType;
import dev.apigw.model.HttpIntegration;
import dev.apigw.model.IntegrationSubtype;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.JwtConfiguration;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpApiImporter}: each mapping rule of apigatewayv2's import (reference sections 4.1, 4.2,
 * 4.3 "HTTP API import", 5.5, 7.2, 8.5, 8.6, 11.2) and each error, which names its JSON pointer.
 */
class HttpApiImporterTest {
    private static final String LAMBDA =
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:f/invocations";
    private static final String INTEGRATION =
            "x-amazon-apigateway-integration: {type: AWS_PROXY, httpMethod: POST, uri: '"
                    + LAMBDA
                    + "', payloadFormatVersion: '2.0'}\n";

    private static final String JWT_SCHEME =
            "components:\n  securitySchemes:\n    j:\n      type: oauth2\n"
                    + "      x-amazon-apigateway-authorizer: {type: jwt, jwtConfiguration:"
                    + " {issuer: 'https://i', audience: [a]}}\n";

    private static String doc(String body) {
        return "openapi: 3.0.1\ninfo:\n  title: Pets\n  version: '1'\n"
                + body
                + "x-amazon-apigateway-importexport-version: '1.0'\n";
    }

    private static String op(String path, String method, String operation) {
        return doc("paths:\n  " + path + ":\n    " + method + ":\n" + operation.indent(6));
    }

    private static HttpApiImportResult importYaml(String yaml) {
        return HttpApiImporter.create().importText(yaml);
    }

    private static HttpApi api(String yaml) {
        return importYaml(yaml).api();
    }

    @Test
    void importText_operations_becomeRoutesMethodPath() {
        HttpApi api =
                api(
                        doc(
                                "paths:\n  /pets/{id}:\n    get:\n"
                                        + INTEGRATION.indent(6)
                                        + "    delete:\n"
                                        + INTEGRATION.indent(6)
                                        + "  /{proxy+}:\n    x-amazon-apigateway-any-method:\n"
                                        + INTEGRATION.indent(6)));

        assertThat(api.routes().keySet())
                .containsExactly("GET /pets/{id}", "DELETE /pets/{id}", "ANY /{proxy+}");
        assertThat(api.name()).isEqualTo("Pets");
        assertThat(api.version()).contains("1");
    }

    @Test
    void importText_defaultPathOrIsDefaultRoute_isDefaultRoute() {
        HttpApi fromPath = api(op("/$default", "x-amazon-apigateway-any-method", INTEGRATION));
        HttpApi fromFlag =
                api(
                        op(
                                "/anything",
                                "x-amazon-apigateway-any-method",
                                "isDefaultRoute: true\n" + INTEGRATION));

        assertThat(fromPath.routes().keySet()).containsExactly(RouteKey.DEFAULT);
        assertThat(fromFlag.routes().keySet()).containsExactly(RouteKey.DEFAULT);
    }

    @Test
    void importText_inlineIntegration_keepsEveryField() {
        HttpApi api =
                api(
                        op(
                                "/pets",
                                "get",
                                "x-amazon-apigateway-integration:\n"
                                        + "  type: HTTP_PROXY\n"
                                        + "  httpMethod: get\n"
                                        + "  uri: https://backend.example.com/pets\n"
                                        + "  payloadFormatVersion: 1.0\n"
                                        + "  timeoutInMillis: 5000\n"
                                        + "  connectionType: vpc_link\n"
                                        + "  connectionId: link1\n"
                                        + "  credentials: arn:aws:iam::123456789012:role/r\n"
                                        + "  requestParameters:\n"
                                        + "    append:header.x-id: ${request.header.id}\n"
                                        + "    overwrite:path: /v2$request.path\n"
                                        + "  responseParameters:\n"
                                        + "    '500': {overwrite:statuscode: '503'}\n"));

        HttpIntegration integration = api.integrations().values().iterator().next();
        assertThat(integration.integrationId()).isEqualTo(HttpIntegrations.inlineId("GET /pets"));
        assertThat(integration.integrationType()).isEqualTo(IntegrationType.HTTP_PROXY);
        assertThat(integration.integrationMethod()).contains("GET");
        assertThat(integration.integrationUri()).contains("https://backend.example.com/pets");
        assertThat(integration.payloadFormatVersion()).isEqualTo("1.0");
        assertThat(integration.timeoutInMillis()).isEqualTo(5000);
        assertThat(integration.connectionType()).isEqualTo(ConnectionType.VPC_LINK);
        assertThat(integration.connectionId()).contains("link1");
        assertThat(integration.credentialsArn()).contains("arn:aws:iam::123456789012:role/r");
        assertThat(integration.requestParameters())
                .containsExactly(
                        Map.entry("append:header.x-id", "${request.header.id}"),
                        Map.entry("overwrite:path", "/v2$request.path"));
        assertThat(integration.responseParameters())
                .isEqualTo(Map.of("500", Map.of("overwrite:statuscode", "503")));
        assertThat(api.route("GET /pets").orElseThrow().integrationId())
                .contains(integration.integrationId());
    }

    @Test
    void importText_refToComponentsIntegration_isSharedUnderItsName() {
        String ref =
                "x-amazon-apigateway-integration:\n"
                        + "  $ref: '#/components/x-amazon-apigateway-integrations/fn'\n";
        HttpApi api =
                api(
                        doc(
                                "paths:\n  /a:\n    get:\n"
                                        + ref.indent(6)
                                        + "  /b:\n    post:\n"
                                        + ref.indent(6)
                                        + "components:\n  x-amazon-apigateway-integrations:\n"
                                        + "    fn: {type: aws_proxy, httpMethod: POST, uri: '"
                                        + LAMBDA
                                        + "', payloadFormatVersion: '2.0'}\n"
                                        + "    unused: {type: http_proxy, httpMethod: ANY,"
                                        + " uri: 'https://example.com'}\n"));

        assertThat(api.integrations().keySet()).containsExactly("fn", "unused");
        assertThat(api.route("GET /a").orElseThrow().integrationId()).contains("fn");
        assertThat(api.route("POST /b").orElseThrow().integrationId()).contains("fn");
        assertThat(api.integrations().get("fn").payloadFormatVersion()).isEqualTo("2.0");
    }

    @Test
    void importText_integrationSubtype_isServiceIntegration() {
        HttpApi api =
                api(
                        op(
                                "/",
                                "post",
                                "x-amazon-apigateway-integration:\n"
                                        + "  type: aws_proxy\n"
                                        + "  integrationSubtype: SQS-SendMessage\n"
                                        + "  payloadFormatVersion: '1.0'\n"
                                        + "  credentials: {Fn::GetAtt: [Role, Arn]}\n"
                                        + "  requestParameters:\n"
                                        + "    MessageBody: $request.body\n"
                                        + "    QueueUrl: {Fn::Sub: 'https://sqs.${AWS::Region}"
                                        + ".amazonaws.com/${AWS::AccountId}/q'}\n"));

        HttpIntegration integration = api.integrations().values().iterator().next();
        assertThat(integration.integrationSubtype()).contains(IntegrationSubtype.SQS_SEND_MESSAGE);
        assertThat(integration.credentialsArn()).contains("arn:aws:iam::123456789012:role/Role");
        assertThat(integration.requestParameters())
                .containsEntry("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/q");
    }

    @Test
    void importText_unknownSubtype_failsNamingPointer() {
        String yaml =
                op(
                        "/",
                        "post",
                        "x-amazon-apigateway-integration: {type: aws_proxy,"
                                + " integrationSubtype: SQS-Explode}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith(
                        "/paths/~1/post/x-amazon-apigateway-integration/integrationSubtype:")
                .hasMessageContaining("unknown integrationSubtype 'SQS-Explode'");
    }

    @Test
    void importText_restIntegrationType_warnsAndKeepsRouteWithoutIntegration() {
        HttpApiImportResult result =
                importYaml(op("/pets", "get", "x-amazon-apigateway-integration: {type: mock}\n"));

        assertThat(result.api().route("GET /pets").orElseThrow().integrationId()).isEmpty();
        assertThat(result.api().integrations()).isEmpty();
        assertThat(result.warnings())
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.pointer())
                                    .isEqualTo(
                                            "/paths/~1pets/get/x-amazon-apigateway-integration"
                                                    + "/type");
                            assertThat(w.message())
                                    .startsWith("integration type mock is for REST APIs");
                        });
    }

    @Test
    void importText_unresolvedPlaceholderInUri_failsNamingPointer() {
        String yaml =
                op(
                        "/pets",
                        "get",
                        "x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST,"
                                + " uri: {Fn::GetAtt: [Fn, Url]}}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith("/paths/~1pets/get/x-amazon-apigateway-integration/uri:")
                .hasMessageContaining("unresolved placeholder");
    }

    @Test
    void importText_integrationTheModelRefuses_failsNamingIntegration() {
        String yaml =
                op(
                        "/pets",
                        "get",
                        "x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST,"
                                + " uri: f, timeoutInMillis: 30001}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith("/paths/~1pets/get/x-amazon-apigateway-integration:")
                .hasMessageContaining("timeoutInMillis must be between 50 and 30000");
    }

    @Test
    void importText_jwtAuthorizerAndScopes_bindRoute() {
        HttpApi api =
                api(
                        doc(
                                "paths:\n  /pets:\n    get:\n"
                                        + ("security: [{cognito: [pets/read, pets/write]}]\n"
                                                        + INTEGRATION)
                                                .indent(6)
                                        + "components:\n  securitySchemes:\n    cognito:\n"
                                        + "      type: oauth2\n"
                                        + "      x-amazon-apigateway-authorizer:\n"
                                        + "        type: jwt\n"
                                        + "        identitySource: $request.header.Authorization\n"
                                        + "        jwtConfiguration:\n"
                                        + "          issuer: https://issuer.example.com\n"
                                        + "          audience: [client1, client2]\n"));

        HttpAuthorizer authorizer = api.authorizers().get("cognito");
        assertThat(authorizer.authorizerType()).isEqualTo(HttpAuthorizerType.JWT);
        assertThat(authorizer.jwtConfiguration())
                .contains(
                        new JwtConfiguration(
                                "https://issuer.example.com", List.of("client1", "client2")));
        assertThat(authorizer.identitySource()).containsExactly("$request.header.Authorization");
        Route route = api.route("GET /pets").orElseThrow();
        assertThat(route.authorizationType()).isEqualTo(AuthorizationType.JWT);
        assertThat(route.authorizerId()).contains("cognito");
        assertThat(route.authorizationScopes()).containsExactly("pets/read", "pets/write");
    }

    @Test
    void importText_openIdConnectScheme_derivesIssuerFromUrl() {
        HttpApi api =
                api(
                        doc(
                                "paths: {}\ncomponents:\n  securitySchemes:\n    oidc:\n"
                                        + "      type: openIdConnect\n"
                                        + "      openIdConnectUrl: https://id.example.com/pool"
                                        + "/.well-known/openid-configuration\n"
                                        + "      x-amazon-apigateway-authorizer:\n"
                                        + "        type: jwt\n"
                                        + "        jwtConfiguration: {audience: [app]}\n"));

        assertThat(api.authorizers().get("oidc").jwtConfiguration())
                .contains(new JwtConfiguration("https://id.example.com/pool", List.of("app")));
        assertThat(api.authorizers().get("oidc").identitySource())
                .containsExactly("$request.header.Authorization");
    }

    @Test
    void importText_jwtWithoutIssuer_failsNamingPointer() {
        String yaml =
                doc(
                        "paths: {}\ncomponents:\n  securitySchemes:\n    jwt:\n"
                                + "      type: oauth2\n"
                                + "      x-amazon-apigateway-authorizer:\n"
                                + "        type: jwt\n"
                                + "        jwtConfiguration: {audience: [app]}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith(
                        "/components/securitySchemes/jwt/x-amazon-apigateway-authorizer"
                                + "/jwtConfiguration/issuer:")
                .hasMessageContaining("needs jwtConfiguration.issuer");
    }

    @Test
    void importText_requestAuthorizer_keepsLambdaFields() {
        HttpApi api =
                api(
                        doc(
                                "paths:\n  /pets:\n    get:\n"
                                        + ("security: [{lambda: []}]\n" + INTEGRATION).indent(6)
                                        + "components:\n  securitySchemes:\n    lambda:\n"
                                        + "      type: apiKey\n      name: Authorization\n"
                                        + "      in: header\n"
                                        + "      x-amazon-apigateway-authorizer:\n"
                                        + "        type: request\n"
                                        + "        authorizerUri: '"
                                        + LAMBDA
                                        + "'\n"
                                        + "        authorizerPayloadFormatVersion: 2.0\n"
                                        + "        enableSimpleResponses: true\n"
                                        + "        authorizerResultTtlInSeconds: 300\n"
                                        + "        identitySource: '$request.header.Authorization,"
                                        + " $context.routeKey'\n"));

        HttpAuthorizer authorizer = api.authorizers().get("lambda");
        assertThat(authorizer.authorizerType()).isEqualTo(HttpAuthorizerType.REQUEST);
        assertThat(authorizer.authorizerUri()).contains(LAMBDA);
        assertThat(authorizer.authorizerPayloadFormatVersion()).contains("2.0");
        assertThat(authorizer.enableSimpleResponses()).isTrue();
        assertThat(authorizer.authorizerResultTtlInSeconds()).isEqualTo(300);
        assertThat(authorizer.identitySource())
                .containsExactly("$request.header.Authorization", "$context.routeKey");
        Route route = api.route("GET /pets").orElseThrow();
        assertThat(route.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(route.authorizerId()).contains("lambda");
    }

    @Test
    void importText_identitySourceArray_isRead() {
        HttpApi api =
                api(
                        doc(
                                "paths: {}\ncomponents:\n  securitySchemes:\n    lambda:\n"
                                        + "      type: apiKey\n      name: Unused\n      in: header\n"
                                        + "      x-amazon-apigateway-authorizer:\n"
                                        + "        type: request\n"
                                        + "        authorizerUri: f\n"
                                        + "        authorizerPayloadFormatVersion: '1.0'\n"
                                        + "        identitySource: [$request.querystring.q,"
                                        + " $stageVariables.v]\n"));

        assertThat(api.authorizers().get("lambda").identitySource())
                .containsExactly("$request.querystring.q", "$stageVariables.v");
    }

    @Test
    void importText_restAuthorizerType_fails() {
        String yaml =
                doc(
                        "paths: {}\ncomponents:\n  securitySchemes:\n    t:\n"
                                + "      type: apiKey\n      name: Authorization\n      in: header\n"
                                + "      x-amazon-apigateway-authorizer: {type: token,"
                                + " authorizerUri: f}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith(
                        "/components/securitySchemes/t/x-amazon-apigateway-authorizer/type:")
                .hasMessageContaining("jwt or request");
    }

    @Test
    void importText_sigv4SchemeOrAuthExtension_isAwsIam() {
        HttpApi api =
                api(
                        doc(
                                "paths:\n  /a:\n    get:\n"
                                        + ("security: [{sigv4: []}]\n" + INTEGRATION).indent(6)
                                        + "  /b:\n    get:\n"
                                        + ("x-amazon-apigateway-auth: {type: aws_iam}\n"
                                                        + INTEGRATION)
                                                .indent(6)
                                        + "components:\n  securitySchemes:\n    sigv4:\n"
                                        + "      type: apiKey\n      name: Authorization\n"
                                        + "      in: header\n"
                                        + "      x-amazon-apigateway-authtype: awsSigv4\n"));

        assertThat(api.route("GET /a").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(api.route("GET /b").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(api.authorizers()).isEmpty();
    }

    @Test
    void importText_authExtensionNone_overridesSecurity() {
        HttpApi api =
                api(
                        doc(
                                "paths:\n  /a:\n    get:\n"
                                        + ("security: [{j: [read]}]\n"
                                                        + "x-amazon-apigateway-auth: {type: NONE}\n"
                                                        + INTEGRATION)
                                                .indent(6)
                                        + JWT_SCHEME));

        Route route = api.route("GET /a").orElseThrow();
        assertThat(route.authorizationType()).isEqualTo(AuthorizationType.NONE);
        assertThat(route.authorizerId()).isEmpty();
        assertThat(route.authorizationScopes()).isEmpty();
    }

    @Test
    void importText_secondAuthorizerOrScopesOnIam_areWarnings() {
        HttpApiImportResult result =
                importYaml(
                        doc(
                                "paths:\n  /a:\n    get:\n"
                                        + ("security: [{sigv4: [read]}, {j: []}]\n" + INTEGRATION)
                                                .indent(6)
                                        + JWT_SCHEME
                                        + "    sigv4: {type: apiKey, name: Authorization, in:"
                                        + " header, x-amazon-apigateway-authtype: awsSigv4}\n"));

        assertThat(result.api().route("GET /a").orElseThrow().authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(result.warnings())
                .extracting(ImportWarning::toString)
                .containsExactly(
                        "/paths/~1a/get/security/0/sigv4: scopes are for JWT authorizers; ignored",
                        "/paths/~1a/get/security/1/j: a route has one authorizer, 'sigv4'; 'j'"
                                + " ignored");
    }

    @Test
    void importText_authExtensionOtherType_fails() {
        String yaml = op("/a", "get", "x-amazon-apigateway-auth: {type: CUSTOM}\n" + INTEGRATION);

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage(
                        "/paths/~1a/get/x-amazon-apigateway-auth/type: x-amazon-apigateway-auth"
                                + " type must be NONE or AWS_IAM, was CUSTOM");
    }

    @Test
    void importText_malformedValues_failNamingPointer() {
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        op(
                                                "/a",
                                                "get",
                                                "x-amazon-apigateway-integration: {$ref:"
                                                        + " '#/components/x-amazon-apigateway"
                                                        + "-integrations/none'}\n")))
                .hasMessage(
                        "/paths/~1a/get/x-amazon-apigateway-integration/$ref: $ref"
                                + " '#/components/x-amazon-apigateway-integrations/none' points to"
                                + " nothing");
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        op(
                                                "/a",
                                                "get",
                                                "x-amazon-apigateway-integration: {uri: u}\n")))
                .hasMessage(
                        "/paths/~1a/get/x-amazon-apigateway-integration/type: integration type is"
                                + " required");
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        op(
                                                "/a",
                                                "get",
                                                "x-amazon-apigateway-integration: {type: aws_proxy,"
                                                        + " uri: u, timeoutInMillis: soon}\n")))
                .hasMessage(
                        "/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis: 'soon'"
                                + " is not an integer");
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        doc(
                                                "paths: {}\nx-amazon-apigateway-cors:"
                                                        + " {allowCredentials: maybe}\n")))
                .hasMessage("/x-amazon-apigateway-cors/allowCredentials: 'maybe' is not a boolean");
        assertThatThrownBy(() -> importYaml(doc("paths: {}\nx-amazon-apigateway-cors: [a]\n")))
                .hasMessage("/x-amazon-apigateway-cors: expected an object");
        assertThatThrownBy(
                        () ->
                                importYaml(
                                        doc(
                                                "paths: {}\ncomponents: {securitySchemes: {s:"
                                                        + " {type: apiKey,"
                                                        + " x-amazon-apigateway-authorizer:"
                                                        + " {authorizerUri: f}}}}\n")))
                .hasMessage(
                        "/components/securitySchemes/s/x-amazon-apigateway-authorizer/type:"
                                + " authorizer type is required: jwt or request");
    }

    @Test
    void importText_undefinedScheme_failsNamingPointer() {
        String yaml = op("/a", "get", "security: [{nope: []}]\n" + INTEGRATION);

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage(
                        "/paths/~1a/get/security/0/nope: security scheme 'nope' is not defined");
    }

    @Test
    void importText_corsExtension_isCorsConfiguration() {
        HttpApi api =
                api(
                        doc(
                                "paths: {}\nx-amazon-apigateway-cors:\n"
                                        + "  allowOrigins: [https://www.example.com]\n"
                                        + "  allowCredentials: true\n"
                                        + "  exposeHeaders: [x-id]\n"
                                        + "  maxAge: 300\n"
                                        + "  allowMethods: [GET, POST]\n"
                                        + "  allowHeaders: [authorization]\n"));

        assertThat(api.corsConfiguration().orElseThrow())
                .isEqualTo(
                        dev.apigw.model.CorsConfiguration.builder()
                                .allowOrigins("https://www.example.com")
                                .allowCredentials(true)
                                .exposeHeaders("x-id")
                                .maxAge(300)
                                .allowMethods("GET", "POST")
                                .allowHeaders("authorization")
                                .build());
    }

    @Test
    void importText_corsCredentialsWithStar_failsNamingPointer() {
        String yaml =
                doc(
                        "paths: {}\nx-amazon-apigateway-cors: {allowOrigins: ['*'],"
                                + " allowCredentials: true}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith("/x-amazon-apigateway-cors:")
                .hasMessageContaining("allowCredentials cannot be true");
    }

    @Test
    void importText_infoAndTags_areNameDescriptionTags() {
        HttpApi api =
                api(
                        "openapi: 3.0.1\ninfo: {title: T, description: D}\npaths: {}\n"
                                + "tags:\n  - {name: team, x-amazon-apigateway-tag-value: pets}\n"
                                + "  - {name: bare}\n"
                                + "x-amazon-apigateway-importexport-version: '1.0'\n");

        assertThat(api.name()).isEqualTo("T");
        assertThat(api.description()).contains("D");
        assertThat(api.version()).isEmpty();
        assertThat(api.tags()).containsExactly(Map.entry("team", "pets"), Map.entry("bare", ""));
    }

    @Test
    void importText_basePathPrepend_prefixesRouteKeys() {
        String yaml =
                doc(
                        "servers: [{url: 'https://example.com/v1'}]\n"
                                + "paths:\n  /pets:\n    get:\n"
                                + INTEGRATION.indent(6)
                                + "  /:\n    get:\n"
                                + INTEGRATION.indent(6));
        ImportOptions prepend = ImportOptions.builder().basePath(BasePathMode.PREPEND).build();

        HttpApi ignored = api(yaml);
        HttpApi prefixed = HttpApiImporter.create(prepend).importText(yaml).api();

        assertThat(ignored.routes().keySet()).containsExactly("GET /pets", "GET /");
        assertThat(prefixed.routes().keySet()).containsExactly("GET /v1/pets", "GET /v1");
    }

    @Test
    void importText_endpointConfigurationInServer_disablesDefaultEndpoint() {
        HttpApi api =
                api(
                        doc(
                                "servers:\n  - url: https://example.com\n"
                                        + "    x-amazon-apigateway-endpoint-configuration:\n"
                                        + "      disableExecuteApiEndpoint: true\npaths: {}\n"));

        assertThat(api.disableExecuteApiEndpoint()).isTrue();
    }

    @Test
    void importText_unsupportedParts_areWarningsOrInfo() {
        HttpApiImportResult result =
                importYaml(
                        doc(
                                "x-amazon-apigateway-binary-media-types: [image/png]\n"
                                        + "security: [{x: []}]\n"
                                        + "paths:\n  /pets:\n    post:\n"
                                        + ("requestBody: {content: {application/json: {schema:"
                                                        + " {type: object}}}}\n"
                                                        + "x-amazon-apigateway-request-validator:"
                                                        + " all\n"
                                                        + "x-amazon-apigateway-integration:"
                                                        + " {type: http_proxy, httpMethod: ANY,"
                                                        + " uri: 'https://e.com',"
                                                        + " requestTemplates: {a/b: x},"
                                                        + " tlsConfig: {serverNameToVerify: e.com}}\n")
                                                .indent(6)
                                        + "    trace: {}\n"
                                        + "    get: {}\n"));

        assertThat(result.warnings())
                .extracting(ImportWarning::pointer)
                .containsExactlyInAnyOrder(
                        "/x-amazon-apigateway-binary-media-types",
                        "/security",
                        "/paths/~1pets/post/requestBody",
                        "/paths/~1pets/post/x-amazon-apigateway-request-validator",
                        "/paths/~1pets/post/x-amazon-apigateway-integration/requestTemplates",
                        "/paths/~1pets/post/x-amazon-apigateway-integration/tlsConfig",
                        "/paths/~1pets/trace",
                        "/paths/~1pets/get");
        assertThat(result.api().route("GET /pets").orElseThrow().integrationId()).isEmpty();
        assertThat(result.warnings())
                .filteredOn(w -> w.message().startsWith("Info: "))
                .extracting(ImportWarning::pointer)
                .containsExactlyInAnyOrder(
                        "/security", "/paths/~1pets/post/requestBody", "/paths/~1pets/trace");
    }

    @Test
    void importText_failOnWarnings_failsOnWarningsNotOnInfo() {
        ImportOptions strict = ImportOptions.builder().failOnWarnings(true).build();
        String info = op("/pets", "get", "requestBody: {}\n" + INTEGRATION);
        String warning = op("/pets", "get", "x-amazon-apigateway-integration: {type: aws}\n");

        HttpApiImportResult result = HttpApiImporter.create(strict).importText(info);

        assertThat(result.warnings())
                .extracting(ImportWarning::message)
                .containsExactly(
                        "Info: HTTP APIs do not validate request bodies; requestBody ignored");
        assertThatThrownBy(() -> HttpApiImporter.create(strict).importText(warning))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith(
                        "/paths/~1pets/get/x-amazon-apigateway-integration/type: Warnings found"
                                + " during import: ")
                .hasMessageContaining("integration type aws is for REST APIs");
    }

    @Test
    void importText_badRouteKeyPath_failsNamingPointer() {
        String yaml = op("/pets/{proxy+}/more", "get", INTEGRATION);

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith("/paths/~1pets~1{proxy+}~1more/get:")
                .hasMessageContaining("greedy path variable must be the last segment");
    }

    @Test
    void importText_twoDefaultRoutes_failsNamingSecond() {
        String yaml =
                doc(
                        "paths:\n  /$default:\n    x-amazon-apigateway-any-method:\n"
                                + INTEGRATION.indent(6)
                                + "  /other:\n    get:\n"
                                + ("isDefaultRoute: true\n" + INTEGRATION).indent(6));

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage(
                        "/paths/~1other/get: Route with key $default already exists for this API");
    }

    @Test
    void importText_swaggerOrOpenApi31_fails() {
        assertThatThrownBy(() -> importYaml("swagger: '2.0'\ninfo: {title: x}\npaths: {}\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage(
                        "/swagger: HTTP APIs import OpenAPI 3.0 only: the document has no"
                                + " 'openapi: 3.0.x' field");
        assertThatThrownBy(() -> importYaml("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageStartingWith("/openapi: unsupported OpenAPI version '3.1.0'");
    }

    @Test
    void importText_missingTitle_failsNamingPointer() {
        assertThatThrownBy(() -> importYaml("openapi: 3.0.1\ninfo: {version: '1'}\npaths: {}\n"))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage("/info/title: title is required");
    }

    @Test
    void importText_json_isReadLikeYaml() {
        HttpApi api =
                api(
                        "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"J\"}, \"paths\": {\"/a\":"
                                + " {\"get\": {\"x-amazon-apigateway-integration\": {\"type\":"
                                + " \"http_proxy\", \"httpMethod\": \"GET\", \"uri\":"
                                + " \"https://e.com\"}}}}}");

        assertThat(api.routes().keySet()).containsExactly("GET /a");
    }

    @Test
    void isHttpApi_markers_tellHttpFromRest() {
        assertThat(HttpApiImporter.isHttpApi(Documents.parse(bytes(doc("paths: {}\n"))))).isTrue();
        assertThat(
                        HttpApiImporter.isHttpApi(
                                Documents.parse(
                                        bytes(
                                                "openapi: 3.0.1\ninfo: {title: x}\npaths:\n"
                                                        + "  /$default: {}\n"))))
                .isTrue();
        String restWithMarker =
                doc(
                        "paths:\n  /a:\n    get:\n"
                                + "      x-amazon-apigateway-integration: {type: aws, uri: u}\n");
        assertThat(HttpApiImporter.isHttpApi(Documents.parse(bytes(restWithMarker)))).isFalse();
        assertThat(
                        HttpApiImporter.isHttpApi(
                                Documents.parse(bytes("openapi: 3.0.1\ninfo: {title: x}\n"))))
                .isFalse();
        assertThat(HttpApiImporter.isHttpApi(null)).isFalse();
    }

    @Test
    void restImporter_httpApiDefinition_failsPointingToHttpApiImporter() {
        String yaml = op("/pets", "get", INTEGRATION);

        assertThatThrownBy(() -> OpenApiImporter.create().importText(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessage(
                        "/x-amazon-apigateway-importexport-version: HTTP API definition:"
                                + " x-amazon-apigateway-importexport-version marks an HTTP API"
                                + " definition; a REST API cannot hold it: import it with"
                                + " HttpApiImporter");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
