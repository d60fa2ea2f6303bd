/**
 * Template functions as Lambda runs them ({@code --isolate}): each function in child JVMs started
 * on the official Lambda runtime interface client ({@code
 * com.amazonaws:aws-lambda-java-runtime-interface-client}), which polls the Lambda Runtime API
 * ({@code 2018-06-01}) that {@link dev.apigw.samples.localserver.isolate.RuntimeApiServer} serves
 * on the loopback interface. {@link dev.apigw.samples.localserver.isolate.IsolatedFunctions} is the
 * entry point: it starts the server and makes one {@link
 * dev.apigw.samples.localserver.isolate.IsolatedFunction} per function, whose processes it owns.
 */
package dev.apigw.samples.localserver.isolate;
