/**
 * An {@link dev.apigw.runtime.Api} embedded behind one Lambda function, for users who deploy the
 * whole gateway as a single function behind an Application Load Balancer or a catch-all API Gateway
 * proxy. Three handler classes, one per front, turn the front's event into a {@link
 * dev.apigw.runtime.Request} and the {@link dev.apigw.runtime.Response} into the front's response
 * event: {@link dev.apigw.samples.lambdaadapter.RestApiEventHandler} (REST API, payload 1.0),
 * {@link dev.apigw.samples.lambdaadapter.HttpApiEventHandler} (HTTP API, payload 2.0) and {@link
 * dev.apigw.samples.lambdaadapter.LoadBalancerEventHandler} (ALB).
 *
 * <p>Why three classes rather than one stream handler that sniffs the event: the front is fixed
 * when the function's trigger is configured, so naming the matching class is a one-time choice;
 * each class is a plain {@code RequestHandler<Event, Response>}, so the Lambda runtime reads and
 * writes the JSON with its own event serializers (no JSON code here, no guessing of the event kind)
 * and tests pass event objects straight in.
 */
package dev.apigw.samples.lambdaadapter;
