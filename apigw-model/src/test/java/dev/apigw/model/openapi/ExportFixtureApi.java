package dev.apigw.model.openapi;

import dev.apigw.model.ApiKeySourceType;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandlingStrategy;
import dev.apigw.model.EndpointConfiguration;
import dev.apigw.model.EndpointType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Model;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.ResponseTransferMode;
import dev.apigw.model.RestApi;
import java.util.List;

/**
 * The rich API the export fixtures in {@code fixtures/openapi/export/} describe: every integration
 * type and field, validators, the three authorizer types, IAM, API keys, gateway responses, binary
 * media types, models referring to each other, a policy, an endpoint configuration, {@code ANY}, a
 * method without integration, and resources without methods.
 */
final class ExportFixtureApi {
    static final String ID = "a1b2c3d4e5";
    private static final String ALLOW_ORIGIN = "method.response.header.Access-Control-Allow-Origin";
    private static final String ALLOW_METHODS =
            "method.response.header.Access-Control-Allow-Methods";
    private static final String LAMBDA =
            "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31"
                    + "/functions/arn:aws:lambda:eu-west-1:123456789012:function:";

    private ExportFixtureApi() {}

    static RestApi petshop() {
        return RestApi.builder()
                .id(ID)
                .name("petshop")
                .description("Pets and their owners")
                .version("2024-05-01")
                .binaryMediaTypes(List.of("image/png", "application/octet-stream"))
                .apiKeySource(ApiKeySourceType.AUTHORIZER)
                .minimumCompressionSize(1024)
                .policy(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":"
                                + "\"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*\"}]}")
                .endpointConfiguration(
                        new EndpointConfiguration(
                                List.of(EndpointType.PRIVATE),
                                List.of("vpce-0a1b2c3d", "vpce-4e5f6a7b"),
                                true))
                .model(
                        Model.json(
                                "Owner",
                                "{\"type\":\"object\",\"properties\":{\"name\":"
                                        + "{\"type\":\"string\"}},\"required\":[\"name\"]}"))
                .model(
                        Model.json(
                                "Pet",
                                "{\"type\":\"object\",\"properties\":{\"name\":"
                                        + "{\"type\":\"string\"},\"owner\":{\"$ref\":\"https://apigateway."
                                        + "amazonaws.com/restapis/a1b2c3d4e5/models/Owner\"},\"tags\":{\"type\":"
                                        + "\"array\",\"items\":{\"type\":\"string\"}}}}"))
                .model(
                        Model.json(
                                "PetList",
                                "{\"type\":\"array\",\"items\":"
                                        + "{\"$ref\":\"#/definitions/Pet\"}}"))
                .model(
                        new Model(
                                "Error",
                                "application/json",
                                "{\"$schema\":"
                                        + "\"http://json-schema.org/draft-04/schema#\",\"title\":\"Error\","
                                        + "\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"},"
                                        + "\"details\":{\"$ref\":\"#/components/schemas/Pet\"}}}",
                                ""))
                .requestValidator(new RequestValidator("v1all", "all", true, true))
                .requestValidator(new RequestValidator("v2par", "params-only", false, true))
                .authorizer(
                        Authorizer.builder()
                                .id("tok001")
                                .name("tokenAuth")
                                .type(AuthorizerType.TOKEN)
                                .authorizerUri(LAMBDA + "tokenAuth/invocations")
                                .authorizerCredentials(
                                        "arn:aws:iam::123456789012:role/apigw-authorizer")
                                .identitySource("method.request.header.Authorization")
                                .identityValidationExpression("^Bearer [-0-9a-zA-Z\\._]*$")
                                .authType("custom")
                                .build())
                .authorizer(
                        Authorizer.builder()
                                .id("req002")
                                .name("requestAuth")
                                .type(AuthorizerType.REQUEST)
                                .authorizerUri(LAMBDA + "requestAuth/invocations")
                                .identitySource(
                                        "method.request.header.X-User, "
                                                + "method.request.querystring.tenant")
                                .authorizerResultTtlInSeconds(0)
                                .authType("custom")
                                .build())
                .authorizer(
                        Authorizer.builder()
                                .id("cog003")
                                .name("poolAuth")
                                .type(AuthorizerType.COGNITO_USER_POOLS)
                                .identitySource("method.request.header.Authorization")
                                .authorizerResultTtlInSeconds(600)
                                .providerArns(
                                        List.of(
                                                "arn:aws:cognito-idp:eu-west-1:123456789012"
                                                        + ":userpool/eu-west-1_AbCdEf"))
                                .authType("cognito_user_pools")
                                .build())
                .gatewayResponse(
                        GatewayResponseType.UNAUTHORIZED,
                        g ->
                                g.statusCode(401)
                                        .putResponseParameter(
                                                "gatewayresponse.header.WWW-Authenticate",
                                                "'Bearer'")
                                        .putResponseTemplate(
                                                "application/json", "{\"message\": \"sign in\"}"))
                .gatewayResponse(
                        GatewayResponseType.DEFAULT_4XX,
                        g ->
                                g.putResponseTemplate(
                                        "application/json",
                                        "{\"error\": $context.error.messageString}"))
                .resource(
                        "/",
                        r ->
                                r.method(
                                        "GET",
                                        m ->
                                                m.methodResponse(
                                                                "200",
                                                                mr ->
                                                                        mr.putResponseParameter(
                                                                                "method.response.header.Content-Type",
                                                                                false))
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.MOCK)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"statusCode\": 200}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir ->
                                                                                                ir.putResponseParameter(
                                                                                                                "method.response.header.Content-Type",
                                                                                                                "'text/html'")
                                                                                                        .putResponseTemplate(
                                                                                                                "text/html",
                                                                                                                "<h1>Pets</h1>")
                                                                                                        .contentHandling(
                                                                                                                ContentHandlingStrategy
                                                                                                                        .CONVERT_TO_TEXT)))))
                .resource(
                        "/pets",
                        r ->
                                r.method(
                                                "GET",
                                                m ->
                                                        m.operationName("ListPets")
                                                                .authorizationType(
                                                                        AuthorizationType.CUSTOM)
                                                                .authorizerId("tok001")
                                                                .apiKeyRequired(true)
                                                                .requestValidatorId("v2par")
                                                                .putRequestParameter(
                                                                        "method.request.querystring.q",
                                                                        false)
                                                                .putRequestParameter(
                                                                        "method.request.querystring.limit",
                                                                        true)
                                                                .putRequestParameter(
                                                                        "method.request.header.X-Trace",
                                                                        true)
                                                                .methodResponse(
                                                                        "200",
                                                                        mr ->
                                                                                mr.putResponseParameter(
                                                                                                "method.response.header.X-Total",
                                                                                                true)
                                                                                        .putResponseModel(
                                                                                                "application/json",
                                                                                                "PetList"))
                                                                .methodResponse(
                                                                        "404",
                                                                        mr ->
                                                                                mr.putResponseModel(
                                                                                        "application/json",
                                                                                        "Error"))
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .HTTP)
                                                                                        .httpMethod(
                                                                                                "GET")
                                                                                        .uri(
                                                                                                "https://backend.example.com/pets")
                                                                                        .putRequestParameter(
                                                                                                "integration.request.querystring.search",
                                                                                                "method.request.querystring.q")
                                                                                        .putRequestParameter(
                                                                                                "integration.request.header.X-Trace",
                                                                                                "method.request.header.X-Trace")
                                                                                        .passthroughBehavior(
                                                                                                PassthroughBehavior
                                                                                                        .NEVER)
                                                                                        .timeoutInMillis(
                                                                                                5000)
                                                                                        .cacheNamespace(
                                                                                                "pets-ns")
                                                                                        .cacheKeyParameters(
                                                                                                List
                                                                                                        .of(
                                                                                                                "method.request.querystring.q"))
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir
                                                                                                                .putResponseParameter(
                                                                                                                        "method.response.header.X-Total",
                                                                                                                        "integration.response.header.X-Count"))
                                                                                        .integrationResponse(
                                                                                                "404",
                                                                                                ir ->
                                                                                                        ir.selectionPattern(
                                                                                                                        "4\\d{2}")
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "{\"message\": \"not found\"}"))))
                                        .method(
                                                "POST",
                                                m ->
                                                        m.operationName("CreatePet")
                                                                .authorizationType(
                                                                        AuthorizationType
                                                                                .COGNITO_USER_POOLS)
                                                                .authorizerId("cog003")
                                                                .authorizationScopes(
                                                                        List.of(
                                                                                "pets/write",
                                                                                "pets/admin"))
                                                                .requestValidatorId("v1all")
                                                                .putRequestModel(
                                                                        "application/json", "Pet")
                                                                .methodResponse(
                                                                        "201",
                                                                        mr ->
                                                                                mr.putResponseModel(
                                                                                        "application/json",
                                                                                        "Pet"))
                                                                .methodResponse("400", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                LAMBDA
                                                                                                        + "createPet/invocations")
                                                                                        .credentials(
                                                                                                "arn:aws:iam::123456789012:role/apigw-invoke")
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"pet\": $input.json('$')}")
                                                                                        .passthroughBehavior(
                                                                                                PassthroughBehavior
                                                                                                        .WHEN_NO_TEMPLATES)
                                                                                        .contentHandling(
                                                                                                ContentHandlingStrategy
                                                                                                        .CONVERT_TO_BINARY)
                                                                                        .integrationResponse(
                                                                                                "201",
                                                                                                ir -> {})
                                                                                        .integrationResponse(
                                                                                                "400",
                                                                                                ir ->
                                                                                                        ir.selectionPattern(
                                                                                                                        ".*Invalid.*")
                                                                                                                .putResponseTemplate(
                                                                                                                        "application/json",
                                                                                                                        "{\"error\": \"$input.path("
                                                                                                                                + "'$.errorMessage')\"}"))))
                                        .method(
                                                "OPTIONS",
                                                m ->
                                                        m.methodResponse(
                                                                        "200",
                                                                        mr ->
                                                                                mr.putResponseParameter(
                                                                                                ALLOW_ORIGIN,
                                                                                                false)
                                                                                        .putResponseParameter(
                                                                                                ALLOW_METHODS,
                                                                                                false))
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .MOCK)
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"statusCode\": 200}")
                                                                                        .integrationResponse(
                                                                                                "200",
                                                                                                ir ->
                                                                                                        ir.putResponseParameter(
                                                                                                                        ALLOW_ORIGIN,
                                                                                                                        "'*'")
                                                                                                                .putResponseParameter(
                                                                                                                        ALLOW_METHODS,
                                                                                                                        "'GET,POST,OPTIONS'")))))
                .resource(
                        "/pets/{petId}",
                        r ->
                                r.method(
                                                "GET",
                                                m ->
                                                        m.authorizationType(
                                                                        AuthorizationType.AWS_IAM)
                                                                .putRequestParameter(
                                                                        "method.request.path.petId",
                                                                        true)
                                                                .methodResponse(
                                                                        "200",
                                                                        mr ->
                                                                                mr.putResponseModel(
                                                                                        "application/json",
                                                                                        "Pet"))
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .HTTP_PROXY)
                                                                                        .httpMethod(
                                                                                                "GET")
                                                                                        .uri(
                                                                                                "https://internal.example.com/pets/{petId}")
                                                                                        .connectionType(
                                                                                                ConnectionType
                                                                                                        .VPC_LINK)
                                                                                        .connectionId(
                                                                                                "vl-abc123")
                                                                                        .integrationTarget(
                                                                                                "arn:aws:elasticloadbalancing:eu-west-1"
                                                                                                        + ":123456789012:listener/net/pets/0a1b/2c3d")
                                                                                        .putRequestParameter(
                                                                                                "integration.request.path.petId",
                                                                                                "method.request.path.petId")
                                                                                        .insecureSkipVerification(
                                                                                                true)
                                                                                        .responseTransferMode(
                                                                                                ResponseTransferMode
                                                                                                        .STREAM)))
                                        .method(
                                                "DELETE",
                                                m ->
                                                        m.authorizationType(
                                                                        AuthorizationType.CUSTOM)
                                                                .authorizerId("req002")
                                                                .apiKeyRequired(true)
                                                                .putRequestParameter(
                                                                        "method.request.path.petId",
                                                                        true)
                                                                .methodResponse("204", mr -> {})
                                                                .integration(
                                                                        i ->
                                                                                i.type(
                                                                                                IntegrationType
                                                                                                        .AWS)
                                                                                        .httpMethod(
                                                                                                "POST")
                                                                                        .uri(
                                                                                                "arn:aws:apigateway:eu-west-1:dynamodb:action"
                                                                                                        + "/DeleteItem")
                                                                                        .credentials(
                                                                                                "arn:aws:iam::123456789012:role/apigw-dynamodb")
                                                                                        .putRequestTemplate(
                                                                                                "application/json",
                                                                                                "{\"TableName\": \"pets\", \"Key\": {\"id\": "
                                                                                                        + "{\"S\": \"$input.params('petId')\"}}}")
                                                                                        .integrationResponse(
                                                                                                "204",
                                                                                                ir -> {}))))
                .resource(
                        "/owners/{ownerId}/{proxy+}",
                        r ->
                                r.method(
                                        "ANY",
                                        m ->
                                                m.apiKeyRequired(true)
                                                        .putRequestParameter(
                                                                "method.request.path.ownerId", true)
                                                        .putRequestParameter(
                                                                "method.request.path.proxy", true)
                                                        .integration(
                                                                i ->
                                                                        i.type(
                                                                                        IntegrationType
                                                                                                .AWS_PROXY)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        LAMBDA
                                                                                                + "owners/invocations"))))
                .resource("/status", r -> r.method("HEAD", m -> m.operationName("Status")))
                .build();
    }
}
