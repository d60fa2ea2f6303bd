/**
 * Test support for users of apigw: {@link dev.apigw.testkit.ManualClock} to control time and
 * {@link dev.apigw.testkit.GatewayAssertions} for AssertJ assertions on responses.
 */
package dev.apigw.testkit;
