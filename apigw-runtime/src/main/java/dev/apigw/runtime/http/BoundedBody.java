package dev.apigw.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A {@code java.net.http} body subscriber that collects a response body up to {@link
 * BackendResponseLimits#MAX_BODY_BYTES} and gives up past it: the rest is not read, the
 * subscription is cancelled and the body completes with {@link TooLarge}. One per response.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** Returns a fresh bounded subscriber for every response. */
    static final HttpResponse.BodyHandler<byte[]> HANDLER = info -> new BoundedBody();

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (body.size() + buffer.remaining() > BackendResponseLimits.MAX_BODY_BYTES) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            body.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(body.toByteArray());
    }

    /** The body passed {@link BackendResponseLimits#MAX_BODY_BYTES}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("response body exceeds " + BackendResponseLimits.MAX_BODY_BYTES + " bytes");
        }
    }
}
