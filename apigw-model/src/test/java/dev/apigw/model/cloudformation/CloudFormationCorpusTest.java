package dev.apigw.model.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.FunctionConfiguration;
import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.RestApiDefinition;
import dev.apigw.model.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real templates nobody here wrote (SAM, CloudFormation and {@code cdk synth} output from AWS's
 * public sample repositories, listed with their sources in {@code corpus/SOURCES.md}) import as
 * {@code corpus/EXPECTED.md} works out: each API with its stages and resources, functions, usage
 * plans and keys. Where current SAM rejects a template, the import fails naming the place.
 */
class CloudFormationCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/cloudformation/corpus");

    private static GatewayDefinition load(String file) {
        return load(file, TemplateOptions.defaults());
    }

    private static GatewayDefinition load(String file, TemplateOptions options) {
        return CloudFormationImporter.create(options).importFile(CORPUS.resolve(file));
    }

    private static List<String> stageNames(RestApiDefinition api) {
        return api.stages().values().stream().map(Stage::stageName).collect(Collectors.toList());
    }

    private static Method method(RestApi api, String path, String httpMethod) {
        return api.resource(path).orElseThrow().method(httpMethod).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "01-apigw-api-key.yaml | AppApi | Prod | / | AppFunction",
                "02-apigw-caching-sam.yaml | CachedApi | Stage,Prod | / | CachedFunction",
                "03-apigw-lambda-authorizer.yaml | AppApi | Prod | / |"
                        + " AppFunction,TokenAuthorizerFunction",
                "04-apigw-lambda-cognito-sam-java.yaml | MyAPIGateway | dev |"
                        + " /,/users,/confirm,/login |"
                        + " MyCreateUserFunction,MyConfirmUserFunction,MyLoginUserFunction",
                "05-apigw-cors-nonproxy.yaml | ApiGatewayRestApi | prod | /,/helloworld |"
                        + " MyFunction",
                "06-apigw-data-validation.yaml | MainApi | Stage,Prod | /,/vehicle |"
                        + " ProcessFunction",
                "07-apigw-lambda-dynamodb-sam-java.yaml | ticketAPIGateway | dev | /,/ticket |"
                        + " ticketLambdaPublisher",
                "08-apigw-iam.yaml | AppApi | Stage,Prod | / | AppFunction",
                "09-apigw-lambda-authorizer-custom-header.yaml | AppApi | Stage,Prod | / |"
                        + " AuthorizerFunction",
                "10-apigw-execution-access-logs.yaml | MyApi | prod | / | MyFunction",
                "11-apigw-custom-resource-policy.yaml | TempApi | Stage,Prod | / |"
                        + " HelloWorldFunction",
                "12-cfn-apigateway-lambda-integration.yaml | RestApi | | /,/{city} |"
                        + " LambdaFunction",
                "13-sam-init-java17-hello-maven.yaml | ServerlessRestApi | Stage,Prod | /,/hello"
                        + " | HelloWorldFunction",
                "14-cdk-test-apigateway-restapi.template.json | myapi4C7BF186 | beta,prod |"
                        + " /,/v1,/v1/toys,/v1/appliances:all,/v1/books | MyHandler6B74D312",
                "15-cdk-restapi-books-example.template.json | booksapiE1885304 | prod |"
                        + " /,/books,/books/{book_id} |"
                        + " BooksHandler3EB83358,BookHandlerF9638A7A,Hello4A628BD4",
                "17-sam-example-api-gateway-responses.yaml | MyApi | Stage,Prod | /,/error |"
                        + " GetFunction",
                "18-sam-example-api-cognito-auth.yaml | MyApi | Stage,Prod |"
                        + " /,/{proxy+},/users,/users/{userId} | MyFunction,PreSignupLambdaFunction",
                "19-sam-example-implicit-api-settings.yaml | ServerlessRestApi | Stage,Prod |"
                        + " /,/{proxy+} | LambdaFunction",
                "21-apigw-lambda-bedrock-sam-java.yaml | MyAPIGateway | dev | /,/invoke |"
                        + " MyBedrockInvokerFunction",
                "22-sam-example-api-lambda-request-auth.yaml | MyApi | Stage,Prod | /,/users |"
                        + " MyFunction,MyAuthFunction",
                "24-sam-init-java17-hello-pt-maven.yaml | ServerlessRestApi | Stage,Prod |"
                        + " /,/hello | HelloWorldFunction",
                "25-sam-example-image-binary-media-types.yaml | MyApi | Stage,Prod | /,/none |"
                        + " MyLambda",
            })
    void importFile_realTemplate_givesItsApiStagesResourcesAndFunctions(
            String file, String api, String stages, String paths, String functions) {
        GatewayDefinition definition = load(file);

        assertThat(definition.restApis()).containsOnlyKeys(api);
        RestApiDefinition served = definition.restApi(api);
        assertThat(stageNames(served))
                .containsExactlyElementsOf(stages == null ? List.of() : List.of(stages.split(",")));
        assertThat(served.restApi().resources()).containsOnlyKeys(paths.split(","));
        assertThat(definition.functions()).containsOnlyKeys(functions.split(","));
    }

    @Test
    void onlyStage_samApi_isItsOwnStageNotSamsStageStage() {
        assertThat(
                        load("13-sam-init-java17-hello-maven.yaml")
                                .restApi("ServerlessRestApi")
                                .onlyStage()
                                .map(Stage::stageName))
                .hasValue("Prod");
        assertThat(
                        load("14-cdk-test-apigateway-restapi.template.json")
                                .restApi("myapi4C7BF186")
                                .onlyStage())
                .isEmpty();
        assertThat(load("12-cfn-apigateway-lambda-integration.yaml").restApi("RestApi").onlyStage())
                .isEmpty();
    }

    @Test
    void importFile_samDomainTemplate_needsItsParameter() {
        assertThatThrownBy(() -> load("20-sessions-custom-domains-rest.yaml"))
                .hasMessageStartingWith("Parameters.DomainName: no value and no Default");

        GatewayDefinition definition =
                load(
                        "20-sessions-custom-domains-rest.yaml",
                        TemplateOptions.builder().parameter("DomainName", "example.com").build());

        assertThat(stageNames(definition.restApi("RestApiGateway"))).contains("Prod");
    }

    @Test
    void importFile_apiKeyTemplate_generatesTheKeyOfItsUsagePlan() {
        GatewayDefinition definition = load("01-apigw-api-key.yaml");
        RestApi api = definition.restApi("AppApi").restApi();

        assertThat(method(api, "/", "GET").apiKeyRequired()).isTrue();
        assertThat(definition.isGenerated("ApiKey")).isTrue();
        assertThat(definition.apiKeys().get("ApiKey").enabled()).isTrue();
        assertThat(definition.usagePlans().get("UsagePlan").covers(api.id(), "Prod")).isTrue();
        assertThat(definition.usagePlans().get("UsagePlan").apiKeyIds())
                .containsExactly(definition.apiKeys().get("ApiKey").id());
    }

    @Test
    void importFile_javaFunctions_carryHandlerCodeTimeoutMemoryAndEnvironment() {
        FunctionConfiguration hello =
                load("13-sam-init-java17-hello-maven.yaml").functions().get("HelloWorldFunction");

        assertThat(hello.isJava()).isTrue();
        assertThat(hello.runtime()).isEqualTo("java17");
        assertThat(hello.handler()).isEqualTo("helloworld.App::handleRequest");
        assertThat(hello.codeUri()).hasValue(CORPUS.toAbsolutePath().resolve("HelloWorldFunction"));
        assertThat(hello.timeout()).isEqualTo(20);
        assertThat(hello.memorySize()).isEqualTo(512);
        assertThat(hello.environment()).containsEntry("PARAM1", "VALUE");
        FunctionConfiguration ticket =
                load("07-apigw-lambda-dynamodb-sam-java.yaml")
                        .functions()
                        .get("ticketLambdaPublisher");
        assertThat(ticket.functionName()).isEqualTo("ticketPublisher");
        assertThat(ticket.runtime()).isEqualTo("java11");
        assertThat(ticket.memorySize()).isEqualTo(3008);
        assertThat(ticket.timeout()).isEqualTo(25);
    }

    @Test
    void importFile_cdkSynthOutput_givesStagesSettingsKeysAndPlan() {
        GatewayDefinition definition = load("14-cdk-test-apigateway-restapi.template.json");
        RestApiDefinition api = definition.restApi("myapi4C7BF186");

        assertThat(api.restApi().minimumCompressionSize()).hasValue(1024);
        Stage beta = api.stage("beta").orElseThrow();
        assertThat(beta.cacheClusterEnabled()).isTrue();
        assertThat(beta.cacheClusterSize()).hasValue("0.5");
        assertThat(beta.methodSettings()).containsKeys("*/*", "api/appliances/GET");
        assertThat(method(api.restApi(), "/v1/toys", "GET").apiKeyRequired()).isTrue();
        assertThat(method(api.restApi(), "/v1/toys", "POST").integration().orElseThrow().type())
                .isEqualTo(IntegrationType.MOCK);
        assertThat(definition.apiKeys()).hasSize(2);
        assertThat(definition.usagePlans().get("myapiUsagePlan56F9C4F2").name()).isEqualTo("Basic");
        assertThat(
                        definition
                                .usagePlans()
                                .get("myapiUsagePlan56F9C4F2")
                                .apiStages()
                                .get(0)
                                .throttle())
                .containsKey("/v1/toys/GET");
    }

    @Test
    void importFile_cdkIamMethods_areAwsIam() {
        RestApi api =
                load("15-cdk-restapi-books-example.template.json")
                        .restApi("booksapiE1885304")
                        .restApi();

        assertThat(method(api, "/books", "GET").authorizationType())
                .isEqualTo(AuthorizationType.AWS_IAM);
        assertThat(method(api, "/", "ANY").authorizationType()).isEqualTo(AuthorizationType.NONE);
    }

    @Test
    void importFile_samAuthorizers_bindTheDefaultAuthorizerExceptNone() {
        RestApi cognito = load("18-sam-example-api-cognito-auth.yaml").restApi("MyApi").restApi();

        assertThat(method(cognito, "/", "GET").authorizationType())
                .isEqualTo(AuthorizationType.NONE);
        assertThat(method(cognito, "/users", "POST").authorizationType())
                .isEqualTo(AuthorizationType.COGNITO_USER_POOLS);
        RestApi token = load("03-apigw-lambda-authorizer.yaml").restApi("AppApi").restApi();
        assertThat(method(token, "/", "GET").authorizationType())
                .isEqualTo(AuthorizationType.CUSTOM);
    }

    @Test
    void importFile_templateWithoutStage_importsWithNone() {
        RestApiDefinition api =
                load("12-cfn-apigateway-lambda-integration.yaml").restApi("RestApi");

        assertThat(api.stages()).isEmpty();
        assertThat(method(api.restApi(), "/{city}", "ANY").requestParameters())
                .containsEntry("method.request.path.city", true);
    }

    @Test
    void importFile_samResourcesWithoutTransform_failNamingTheTransform() {
        assertThatThrownBy(() -> load("16-sam-example-usage-plan.yaml"))
                .isInstanceOf(CloudFormationImportException.class)
                .hasMessageContaining("needs the SAM transform");
    }

    @Test
    void importFile_requestParameterSamRejects_failsNamingTheEvent() {
        assertThatThrownBy(() -> load("23-sam-example-function-request-parameters.yaml"))
                .hasMessageStartingWith(
                        "Resources.MyLambdaFunction.Properties.Events.GetApi.Properties"
                                + ".RequestParameters");
    }
}
