/**
 * Test support for users of apigw: {@link dev.apigw.testkit.ApiGatewayExtension}, a JUnit 5
 * extension that gives each test an {@code Api} with fresh {@link dev.apigw.testkit.FakeLambda}s, a
 * {@link dev.apigw.testkit.RecordingHttpBackend} and a {@link dev.apigw.testkit.ManualClock};
 * {@link dev.apigw.testkit.GatewayAssertions} for AssertJ assertions on responses (which, made from
 * a test invocation, print the console's test result through {@link dev.apigw.testkit.ConsoleLog}
 * when they fail); {@link dev.apigw.testkit.TemplateTester} to render one mapping template on its
 * own; {@link dev.apigw.testkit.RecordingAwsServiceBackend}, a recording AWS service backend; and
 * {@link dev.apigw.testkit.WebSocketTestClient}, a client of an in-process WebSocket API.
 */
package dev.apigw.testkit;
