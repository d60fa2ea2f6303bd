package dev.apigw.tests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stream-handler Lambda authorizer (reference 8.3) whose answer a test scripts from the event it
 * got: the raw JSON text the function writes, so that a test can answer anything, valid or not.
 * Keeps every event (as JSON) it got.
 */
public class ScriptedAuthorizerHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<JsonNode, String> answer;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** Creates a handler that answers each event with {@code answer}'s text. */
    public ScriptedAuthorizerHandler(Function<JsonNode, String> answer) {
        this.answer = answer;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode event = JSON.readTree(input);
        events.add(event);
        output.write(answer.apply(event).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns how many times the function ran. */
    public int calls() {
        return events.size();
    }

    /** Returns the events the function got, oldest first. */
    public List<JsonNode> events() {
        return events;
    }

    /** Returns an answer allowing {@code resource} for {@code principalId}, with no context. */
    public static String allow(String principalId, String resource) {
        return "{\"principalId\":\""
                + principalId
                + "\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\""
                + resource
                + "\"}]}}";
    }
}
