package dev.apigw.runtime.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives a response body a deadline: when the body has not arrived within the time left, its stage
 * fails with a {@link TimeoutException} and the subscription is cancelled, which closes the
 * connection. Used by {@link JdkHttpBackend} so that the integration timeout covers the body as
 * well as the headers (reference 9.5).
 */
final class DeadlineSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> delegate;
    private final CompletableFuture<byte[]> body;
    private volatile Flow.Subscription subscription;

    DeadlineSubscriber(HttpResponse.BodySubscriber<byte[]> delegate, long nanosLeft) {
        this.delegate = Objects.requireNonNull(delegate);
        this.body =
                delegate.getBody()
                        .toCompletableFuture()
                        .copy()
                        .orTimeout(Math.max(1, nanosLeft), TimeUnit.NANOSECONDS);
        body.whenComplete(
                (value, failure) -> {
                    Flow.Subscription s = subscription;
                    if (failure != null && s != null) {
                        s.cancel();
                    }
                });
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        delegate.onSubscribe(subscription);
        if (body.isCompletedExceptionally()) {
            subscription.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        delegate.onComplete();
    }
}
