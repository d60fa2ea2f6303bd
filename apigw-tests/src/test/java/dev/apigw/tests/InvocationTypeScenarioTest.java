package dev.apigw.tests;

import static dev.apigw.testkit.GatewayAssertions.assertThat;

import dev.apigw.lambda.LambdaHandlers;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.RestApi;
import dev.apigw.runtime.Api;
import dev.apigw.runtime.Gateway;
import dev.apigw.runtime.Request;
import dev.apigw.runtime.Response;
import dev.apigw.runtime.spi.LambdaFunction;
import dev.apigw.runtime.spi.LambdaInvocation;
import dev.apigw.testkit.FailingInternalErrorHandler;
import dev.apigw.tests.lambda.LatchHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Amz-Invocation-Type} on AWS (non-proxy) Lambda integrations ("Set up asynchronous
 * invocation of the backend Lambda function"; reference 5.2, 6.1) through {@link Api#handle}.
 */
class InvocationTypeScenarioTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final List<String> invocationTypes = new CopyOnWriteArrayList<>();

    private static RestApi jobsApi(String source) {
        return RestApi.builder()
                .name("jobs")
                .resource(
                        "/jobs",
                        r ->
                                r.method(
                                        "POST",
                                        m ->
                                                m.methodResponse("200", mr -> {})
                                                        .methodResponse("202", mr -> {})
                                                        .integration(
                                                                i ->
                                                                        i.type(IntegrationType.AWS)
                                                                                .httpMethod("POST")
                                                                                .uri(
                                                                                        LambdaProxyScenarioTest
                                                                                                .uri(
                                                                                                        "worker"))
                                                                                .putRequestParameter(
                                                                                        "integration.request.header.X-Amz-Invocation-Type",
                                                                                        source)
                                                                                .putRequestTemplate(
                                                                                        "application/json",
                                                                                        "{\"job\": \"$input.params('job')\"}")
                                                                                .integrationResponse(
                                                                                        "200",
                                                                                        ir -> {})
                                                                                .integrationResponse(
                                                                                        "202",
                                                                                        ir ->
                                                                                                ir
                                                                                                        .selectionPattern(
                                                                                                                "202")))))
                .build();
    }

    private LambdaFunction worker() {
        LambdaFunction handler =
                LambdaHandlers.requestHandler(new LatchHandler(release, received, done), Map.class);
        return (LambdaInvocation invocation) -> {
            invocationTypes.add(invocation.invocationType());
            return handler.invoke(invocation);
        };
    }

    @Test
    void handle_staticEvent_answersAtOnceAndRunsFunctionAsynchronously() throws Exception {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("'Event'"))
                        .deploy("ops")
                        .lambda("worker", worker())
                        .build();

        Response response = api.handle(Request.of("POST", "/ops/jobs?job=reindex-17"));

        assertThat(done.getCount()).as("function still running").isEqualTo(1);
        assertThat(response).hasStatus(200);
        assertThat(response.body()).isEmpty();
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received.poll(10, TimeUnit.SECONDS)).containsEntry("job", "reindex-17");
        assertThat(invocationTypes).containsExactly("Event");
    }

    @Test
    void handle_event_runsOnTheHostsExecutor() {
        List<Runnable> queued = new ArrayList<>();
        release.countDown();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("'Event'"))
                        .deploy("ops")
                        .lambda("worker", worker())
                        .gateway(Gateway.builder().eventInvocationExecutor(queued::add).build())
                        .build();

        Response response = api.handle(Request.of("POST", "/ops/jobs?job=compact"));

        assertThat(response).hasStatus(200);
        assertThat(queued).hasSize(1);
        assertThat(done.getCount()).isEqualTo(1);
        queued.get(0).run();
        assertThat(done.getCount()).isZero();
        assertThat(received.peek()).containsEntry("job", "compact");
    }

    @Test
    void handle_clientChoosesInvocationType_syncOrAsync() throws Exception {
        release.countDown();
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("method.request.header.InvocationType"))
                        .deploy("ops")
                        .lambda("worker", worker())
                        .build();

        Response sync =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/ops/jobs?job=a")
                                .header("InvocationType", "RequestResponse")
                                .build());
        Response async =
                api.handle(
                        Request.builder()
                                .httpMethod("POST")
                                .target("/ops/jobs?job=b")
                                .header("InvocationType", "Event")
                                .build());
        Response unmapped = api.handle(Request.of("POST", "/ops/jobs?job=c"));

        assertThat(sync).hasStatus(200);
        assertThat(sync).hasBody("{\"handled\":true}");
        assertThat(async).hasStatus(200);
        assertThat(async.body()).isEmpty();
        assertThat(unmapped).hasBody("{\"handled\":true}");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(invocationTypes)
                .containsExactlyInAnyOrder("RequestResponse", "Event", "RequestResponse");
    }

    @Test
    void handle_dryRun_doesNotRunTheFunction() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("'DryRun'"))
                        .deploy("ops")
                        .lambda("worker", worker())
                        .build();

        Response response = api.handle(Request.of("POST", "/ops/jobs"));

        assertThat(response).hasStatus(200);
        assertThat(response.body()).isEmpty();
        assertThat(invocationTypes).isEmpty();
    }

    @Test
    void handle_unknownInvocationType_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("'Sometimes'"))
                        .deploy("ops")
                        .lambda("worker", worker())
                        .build();

        Response response = api.handle(Request.of("POST", "/ops/jobs"));

        assertThat(response).hasStatus(502);
        assertThat(invocationTypes).isEmpty();
    }

    @Test
    void handle_executorRejects_returns502() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("'Event'"))
                        .deploy("ops")
                        .lambda("worker", worker())
                        .gateway(
                                Gateway.builder()
                                        .eventInvocationExecutor(
                                                task -> {
                                                    throw new RejectedExecutionException(
                                                            "shut down");
                                                })
                                        .build())
                        .build();

        Response response = api.handle(Request.of("POST", "/ops/jobs"));

        assertThat(response).hasStatus(502);
        assertThat(response).hasBodyContaining("Internal server error");
    }

    @Test
    void handle_eventWithUnboundFunction_returns500() {
        Api api =
                Api.builder()
                        .internalErrorHandler(FailingInternalErrorHandler.create())
                        .restApi(jobsApi("'Event'"))
                        .deploy("ops")
                        .build();

        Response response = api.handle(Request.of("POST", "/ops/jobs"));

        assertThat(response).hasStatus(500);
    }
}
