/**
 * Access control (reference 8): the collaborators that the authorization steps use. {@link
 * dev.apigw.runtime.auth.PolicyDocument} parses an IAM policy (a Lambda authorizer's answer,
 * reference 8.3, or a resource policy, reference 8.8) once, and {@link
 * dev.apigw.runtime.auth.PolicyEvaluator} decides a request against it and combines two decisions
 * by the reference's tables A and B. Internal.
 */
package dev.apigw.runtime.auth;
