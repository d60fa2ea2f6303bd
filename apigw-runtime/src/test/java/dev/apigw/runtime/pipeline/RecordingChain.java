package dev.apigw.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.runtime.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stands in for {@code next} in a step's unit test: records every exchange the step passes on and
 * answers as the test says (a fixed response, or a gateway response thrown).
 */
public final class RecordingChain implements Chain {
    /** What {@link #answering200()} answers. */
    public static final Response OK =
            Response.builder()
                    .statusCode(200)
                    .setHeader("Content-Type", "application/json")
                    .body("{\"ok\":true}")
                    .build();

    private final Function<Exchange, Response> answer;
    private final List<Exchange> exchanges = new ArrayList<>();

    private RecordingChain(Function<Exchange, Response> answer) {
        this.answer = answer;
    }

    /** Returns a chain answering {@link #OK}. */
    public static RecordingChain answering200() {
        return answering(OK);
    }

    /** Returns a chain answering {@code response}. */
    public static RecordingChain answering(Response response) {
        return new RecordingChain(exchange -> response);
    }

    /** Returns a chain answering what {@code answer} makes of the exchange. */
    public static RecordingChain answering(Function<Exchange, Response> answer) {
        return new RecordingChain(answer);
    }

    /** Returns a chain that rejects the request with {@code failure}. */
    public static RecordingChain throwing(RuntimeException failure) {
        return new RecordingChain(
                exchange -> {
                    throw failure;
                });
    }

    @Override
    public Response proceed(Exchange exchange) {
        exchanges.add(exchange);
        return answer.apply(exchange);
    }

    /** Returns whether the step called next. */
    public boolean called() {
        return !exchanges.isEmpty();
    }

    /** Returns the exchange the step passed on, checking it called next exactly once. */
    public Exchange passed() {
        assertThat(exchanges).as("calls of next").hasSize(1);
        return exchanges.get(0);
    }
}
