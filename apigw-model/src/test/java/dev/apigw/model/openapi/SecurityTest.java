package dev.apigw.model.openapi;

import static dev.apigw.model.openapi.Docs.importYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import org.junit.jupiter.api.Test;

class SecurityTest {
    private static final String SCHEMES =
            """
            components:
              securitySchemes:
                keys: {type: apiKey, name: X-API-Key, in: header}
                sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
                tokens:
                  type: apiKey
                  name: X-Token
                  in: header
                  x-amazon-apigateway-authtype: oauth2
                  x-amazon-apigateway-authorizer:
                    type: token
                    authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:tok/invocations
                    authorizerCredentials: arn:aws:iam::123456789012:role/tok
                    identityValidationExpression: '^Bearer [a-z]+$'
                    authorizerResultTtlInSeconds: 0
                requests:
                  type: apiKey
                  name: Unused
                  in: header
                  x-amazon-apigateway-authorizer:
                    type: REQUEST
                    authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:req/invocations
                    identitySource: method.request.header.A, method.request.querystring.b
                pool:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authtype: cognito_user_pools
                  x-amazon-apigateway-authorizer:
                    type: cognito_user_pools
                    providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc]
                basic: {type: http, scheme: basic}
            """;

    private static RestApi api(String security) {
        return importYaml(
                        Docs.oas3(
                                "Guarded",
                                "paths:\n  /vault:\n    get:\n"
                                        + ("security: " + security + "\n" + Docs.mock()).indent(6)
                                        + SCHEMES))
                .api();
    }

    private static Method vault(RestApi api) {
        return api.resource("/vault").orElseThrow().method("GET").orElseThrow();
    }

    @Test
    void convertSchemes_authorizerSchemes_becomeAuthorizers() {
        RestApi api = api("[]");

        assertThat(api.authorizers().values())
                .extracting(Authorizer::name)
                .containsExactly("tokens", "requests", "pool");
        Authorizer tokens = api.authorizers().values().iterator().next();
        assertThat(tokens.type()).isEqualTo(AuthorizerType.TOKEN);
        assertThat(tokens.identitySource()).contains("method.request.header.X-Token");
        assertThat(tokens.identityValidationExpression()).contains("^Bearer [a-z]+$");
        assertThat(tokens.authorizerResultTtlInSeconds()).isZero();
        assertThat(tokens.authorizerCredentials()).contains("arn:aws:iam::123456789012:role/tok");
        assertThat(tokens.authType()).contains("oauth2");
    }

    @Test
    void apply_tokenScheme_bindsCustomAuthorizer() {
        RestApi api = api("[{tokens: []}]");

        assertThat(vault(api).authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
        assertThat(vault(api).authorizerId())
                .contains(
                        api.authorizers().values().stream()
                                .filter(a -> a.name().equals("tokens"))
                                .findFirst()
                                .orElseThrow()
                                .id());
    }

    @Test
    void apply_requestScheme_keepsIdentitySources() {
        RestApi api = api("[{requests: []}]");

        Authorizer requests = api.authorizers().get(vault(api).authorizerId().orElseThrow());
        assertThat(requests.type()).isEqualTo(AuthorizerType.REQUEST);
        assertThat(requests.identitySource())
                .contains("method.request.header.A, method.request.querystring.b");
    }

    @Test
    void apply_cognitoSchemeWithScopes_bindsScopes() {
        RestApi api = api("[{pool: [email, 'orders/read']}]");

        assertThat(vault(api).authorizationType()).isEqualTo(AuthorizationType.COGNITO_USER_POOLS);
        assertThat(vault(api).authorizationScopes()).containsExactly("email", "orders/read");
        assertThat(api.authorizers().get(vault(api).authorizerId().orElseThrow()).providerArns())
                .containsExactly(
                        "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc");
    }

    @Test
    void apply_awsSigv4Scheme_setsAwsIam() {
        assertThat(vault(api("[{sigv4: []}]")).authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
    }

    @Test
    void apply_apiKeyScheme_requiresApiKey() {
        Method m = vault(api("[{keys: []}]"));

        assertThat(m.apiKeyRequired()).isTrue();
        assertThat(m.authorizationType()).isEqualTo(AuthorizationType.NONE);
    }

    @Test
    void apply_unknownScheme_failsAtRequirement() {
        assertThatThrownBy(() -> api("[{ghost: []}]"))
                .isInstanceOfSatisfying(
                        OpenApiImportException.class,
                        e ->
                                assertThat(e.pointer())
                                        .isEqualTo("/paths/~1vault/get/security/0/ghost"))
                .hasMessageContaining("security scheme 'ghost' is not defined");
    }

    @Test
    void apply_schemeWithoutApiGatewayMeaning_warns() {
        ImportResult result =
                importYaml(
                        Docs.oas3(
                                "Guarded",
                                "paths:\n  /vault:\n    get:\n"
                                        + ("security: [{basic: []}]\n" + Docs.mock()).indent(6)
                                        + SCHEMES));

        assertThat(vault(result.api()).authorizationType()).isEqualTo(AuthorizationType.NONE);
        assertThat(result.warnings())
                .extracting(ImportWarning::pointer)
                .containsExactly("/paths/~1vault/get/security/0/basic");
    }

    @Test
    void apply_rootLevelSecurity_ignored() {
        RestApi api =
                importYaml(
                                Docs.oas3(
                                        "Guarded",
                                        "security: [{tokens: []}]\npaths:\n"
                                                + "  /vault:\n    get:\n"
                                                + Docs.mock().indent(6)
                                                + SCHEMES))
                        .api();

        assertThat(vault(api).authorizationType()).isEqualTo(AuthorizationType.NONE);
    }

    @Test
    void convertSchemes_jwtAuthorizer_failsAsHttpApi() {
        String yaml =
                Docs.oas3(
                        "Jwt",
                        "paths: {}\ncomponents:\n  securitySchemes:\n"
                                + "    jwt:\n      type: oauth2\n      x-amazon-apigateway-authorizer:"
                                + " {type: jwt}\n");

        assertThatThrownBy(() -> importYaml(yaml))
                .isInstanceOf(OpenApiImportException.class)
                .hasMessageContaining("HTTP API definition: JWT authorizers");
    }

    @Test
    void apply_authFieldAwsIam_setsAwsIam() {
        Method m =
                importYaml(
                                Docs.operation(
                                        "/keys",
                                        "get",
                                        "x-amazon-apigateway-auth: {type: aws_iam}\n"
                                                + Docs.mock()))
                        .api()
                        .resource("/keys")
                        .orElseThrow()
                        .method("GET")
                        .orElseThrow();

        assertThat(m.authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
    }
}
