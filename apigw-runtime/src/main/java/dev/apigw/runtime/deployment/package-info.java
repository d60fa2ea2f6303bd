/**
 * Deployments (reference 9.1): an API's deployments, stages and canary releases (reference 9.2) as
 * API Gateway keeps them, and the compiler that turns a deployment into the routes, compiled
 * methods and gateway responses the pipeline serves, asking each feature to compile its part once.
 * Internal.
 */
package dev.apigw.runtime.deployment;
