package dev.apigw.tests;

import dev.apigw.runtime.Headers;
import dev.apigw.runtime.spi.AwsServiceBackend;
import dev.apigw.runtime.spi.AwsServiceRequest;
import dev.apigw.runtime.spi.BackendResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake {@link AwsServiceBackend} that records every request and answers with a chosen status and
 * body (200 and an SQS-like JSON answer unless told otherwise).
 */
public final class RecordingAwsServiceBackend implements AwsServiceBackend {
    private final List<AwsServiceRequest> requests = new CopyOnWriteArrayList<>();
    private volatile BackendResponse answer =
            new BackendResponse(
                    200,
                    Headers.of("Content-Type", "application/json", "x-amzn-RequestId", "svc-1"),
                    "{\"SendMessageResponse\":{\"SendMessageResult\":{\"MessageId\":\"m-1\"}}}"
                            .getBytes(StandardCharsets.UTF_8));

    @Override
    public BackendResponse call(AwsServiceRequest request) {
        requests.add(request);
        return answer;
    }

    /** Answers later calls with this response. */
    public RecordingAwsServiceBackend answer(int status, Headers headers, String body) {
        answer = new BackendResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Returns the requests received, oldest first. */
    public List<AwsServiceRequest> requests() {
        return List.copyOf(requests);
    }
}
