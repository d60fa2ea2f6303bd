/**
 * Test support for users of apigw: {@link dev.apigw.testkit.ManualClock} to control time,
 * {@link dev.apigw.testkit.GatewayAssertions} for AssertJ assertions on responses, and {@link
 * dev.apigw.testkit.TemplateTester} to render one mapping template on its own.
 */
package dev.apigw.testkit;
