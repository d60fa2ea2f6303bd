package dev.apigw.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketIntegration;
import dev.apigw.model.WebSocketRoute;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Route selection as reference 7.3 describes it, with its examples. */
class RouteSelectorTest {
    private static final String JOIN =
            "{\"service\":\"chat\",\"action\":\"join\",\"data\":{\"room\":\"room1234\"},"
                    + "\"items\":[\"a\",{\"b\":true}],\"n\":7}";

    private static RouteSelector selector(String expression, String... routeKeys) {
        WebSocketApi.Builder api =
                WebSocketApi.builder("t")
                        .routeSelectionExpression(expression)
                        .integration(WebSocketIntegration.builder("m").mock().build());
        for (String key : routeKeys) {
            api.route(key, "m");
        }
        return new RouteSelector(api.build());
    }

    private static Optional<String> key(String expression, String message) {
        return selector(expression).routeKey(Frame.text(message));
    }

    @Test
    void theExamplesOfTheReferenceEvaluateAsDocumented() {
        assertThat(key("$request.body.action", JOIN)).contains("join");
        assertThat(key("${request.body.action}", JOIN)).contains("join");
        assertThat(key("${request.body.service}/${request.body.action}", JOIN))
                .contains("chat/join");
        assertThat(key("${request.body.action}-${request.body.invalidPath}", JOIN))
                .contains("join-");
        assertThat(key("action", JOIN)).contains("action");
        assertThat(key("\\$default", "not json")).contains("$default");
    }

    @Test
    void pathsReadNamesAndIndexesAndStringifyNonStrings() {
        assertThat(key("$request.body.data.room", JOIN)).contains("room1234");
        assertThat(key("$request.body.items[0]", JOIN)).contains("a");
        assertThat(key("$request.body.items[1].b", JOIN)).contains("true");
        assertThat(key("$request.body.n", JOIN)).contains("7");
        assertThat(key("$request.body.data", JOIN)).contains("{\"room\":\"room1234\"}");
        assertThat(key("$request.body.items[99999999999]", JOIN)).contains("");
        assertThat(key("$request.header.x", JOIN)).contains("");
    }

    @Test
    void aMessageThatIsNotJsonOrBinaryCannotBeEvaluated() {
        assertThat(key("$request.body.action", "hello")).isEmpty();
        assertThat(key("$request.body.action", "")).isEmpty();
        assertThat(key("$request.body.action", "{\"action\":")).isEmpty();
        assertThat(selector("$request.body.action").routeKey(Frame.binary(new byte[] {'{', '}'})))
                .isEmpty();
    }

    @Test
    void selectFallsBackToDefaultAndNeverToConnectOrDisconnect() {
        RouteSelector withDefault =
                selector(
                        "$request.body.action",
                        WebSocketRoute.CONNECT,
                        WebSocketRoute.DEFAULT,
                        "join");
        RouteSelector withoutDefault = selector("$request.body.action", "join");

        assertThat(withDefault.select(Frame.text(JOIN)))
                .map(WebSocketRoute::routeKey)
                .contains("join");
        assertThat(withDefault.select(Frame.text("{\"action\":\"$connect\"}")))
                .map(WebSocketRoute::routeKey)
                .contains(WebSocketRoute.DEFAULT);
        assertThat(withDefault.select(Frame.text("nope")))
                .map(WebSocketRoute::routeKey)
                .contains(WebSocketRoute.DEFAULT);
        assertThat(withoutDefault.select(Frame.text("{\"action\":\"leave\"}"))).isEmpty();
        assertThat(withoutDefault.select(Frame.text(JOIN))).isPresent();
    }
}
