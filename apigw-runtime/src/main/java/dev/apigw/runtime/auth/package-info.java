/**
 * Access control (reference 8): the steps and their collaborators, in API Gateway's order
 * (reference 8.1). {@link dev.apigw.runtime.auth.ResourcePolicyStep} checks a PRIVATE API's VPC
 * endpoint and the resource policy's explicit Deny before authentication; {@link
 * dev.apigw.runtime.auth.AuthorizerStep} authenticates the caller by the method's authorization
 * type: {@link dev.apigw.runtime.auth.IamAuthorizer} (SigV4, reference 8.7, over {@code
 * auth.sigv4}), {@link dev.apigw.runtime.auth.LambdaAuthorizer} (TOKEN and REQUEST, reference 8.3,
 * with its result cache, kept per API in {@link dev.apigw.runtime.auth.AuthorizerCaches} so that it
 * outlives a redeploy) and {@link dev.apigw.runtime.auth.CognitoAuthorizer} (user pool tokens,
 * reference 8.4), each compiled once per deployment ({@link
 * dev.apigw.runtime.auth.CompiledAuthorizers}); {@link dev.apigw.runtime.auth.PolicyDecisionStep}
 * combines the identity's decision with the resource policy's by tables A and B (reference 8.8).
 * {@link dev.apigw.runtime.auth.PolicyDocument} parses an IAM policy once and {@link
 * dev.apigw.runtime.auth.PolicyEvaluator} decides a request against it. HTTP APIs' authorizers
 * (reference 8.5 to 8.7) reuse these pieces: {@link dev.apigw.runtime.auth.HttpAuthorizers}
 * compiles each API's JWT and Lambda authorizers once and gives every route its {@link
 * dev.apigw.runtime.auth.RouteAuthorizer}, which {@code httpapi.HttpAuthorizerStep} runs; JWT
 * checks share {@code JwsTokens} and {@link dev.apigw.runtime.auth.UserPoolKeys} (key sets bound by
 * pool id or issuer, or discovered) with the Cognito authorizer. Internal.
 */
package dev.apigw.runtime.auth;
