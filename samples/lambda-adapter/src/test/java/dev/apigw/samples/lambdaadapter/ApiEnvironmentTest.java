package dev.apigw.samples.lambdaadapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building the embedded API from environment variables. */
class ApiEnvironmentTest {
    private static final String FIXTURE = "fixtures/lambda-adapter/echo-api.yaml";

    @Test
    void load_openApiStageAndFunctions_servesEveryRoute() {
        Api api =
                ApiEnvironment.load(
                        Map.of(
                                ApiEnvironment.OPENAPI,
                                FIXTURE,
                                ApiEnvironment.STAGE,
                                "prod",
                                ApiEnvironment.FUNCTIONS,
                                " echo = dev.apigw.samples.lambdaadapter.EchoFunction ,"
                                        + "shout=dev.apigw.samples.lambdaadapter.ShoutStreamFunction,"));

        assertThat(api.stages()).containsOnlyKeys("prod");
        Response echo = api.handle(Request.of("GET", "/prod/echo/a/b?x=1"));
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.bodyAsString()).contains("path=/echo/a/b\n", "query={x=[1]}\n");
        Response shout = api.handle(Request.of("GET", "/prod/shout"));
        assertThat(shout.statusCode()).isEqualTo(202);
        assertThat(shout.bodyAsString()).isEqualTo("SHOUTED");
        assertThat(api.handle(Request.of("GET", "/prod/ping")).bodyAsString())
                .isEqualTo("{\"pong\": \"prod\"}");
    }

    @Test
    void load_withoutStage_deploysToTheDefaultStage() {
        Api api = ApiEnvironment.load(Map.of(ApiEnvironment.OPENAPI, "/" + FIXTURE));

        assertThat(api.stages()).containsOnlyKeys(ApiEnvironment.DEFAULT_STAGE);
        assertThat(api.handle(Request.of("GET", "/default/ping")).bodyAsString())
                .isEqualTo("{\"pong\": \"default\"}");
    }

    @Test
    void load_throughAHandler_servesTheEvent() {
        Api api =
                ApiEnvironment.load(
                        Map.of(ApiEnvironment.OPENAPI, FIXTURE, ApiEnvironment.STAGE, "edge"));
        LoadBalancerEventHandler handler = new LoadBalancerEventHandler(api);
        ApplicationLoadBalancerRequestEvent event = new ApplicationLoadBalancerRequestEvent();
        event.setHttpMethod("GET");
        event.setPath("/ping");

        assertThat(handler.handleRequest(event, null).getBody()).isEqualTo("{\"pong\": \"edge\"}");
    }

    @Test
    void load_withoutOpenApi_throwsNamingTheVariable() {
        assertThatThrownBy(() -> ApiEnvironment.load(Map.of(ApiEnvironment.STAGE, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APIGW_OPENAPI is not set");
    }

    @Test
    void load_missingResource_throwsNamingIt() {
        assertThatThrownBy(
                        () ->
                                ApiEnvironment.load(
                                        Map.of(ApiEnvironment.OPENAPI, "fixtures/nowhere.yaml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("APIGW_OPENAPI: no classpath resource 'fixtures/nowhere.yaml'");
    }

    @Test
    void load_bindingWithoutClass_throws() {
        assertThatThrownBy(
                        () ->
                                ApiEnvironment.load(
                                        Map.of(
                                                ApiEnvironment.OPENAPI,
                                                FIXTURE,
                                                ApiEnvironment.FUNCTIONS,
                                                "echo=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected name=HandlerClass but got 'echo='");
    }

    @Test
    void load_unknownClass_throwsNamingIt() {
        assertThatThrownBy(
                        () ->
                                ApiEnvironment.load(
                                        Map.of(
                                                ApiEnvironment.OPENAPI,
                                                FIXTURE,
                                                ApiEnvironment.FUNCTIONS,
                                                "echo=com.example.Missing")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot create com.example.Missing");
    }

    @Test
    void load_classThatIsNoHandler_throws() {
        assertThatThrownBy(
                        () ->
                                ApiEnvironment.load(
                                        Map.of(
                                                ApiEnvironment.OPENAPI,
                                                FIXTURE,
                                                ApiEnvironment.FUNCTIONS,
                                                "echo=java.util.ArrayList")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.util.ArrayList is neither a RequestHandler nor");
    }
}
