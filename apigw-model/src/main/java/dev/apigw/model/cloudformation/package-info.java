/**
 * CloudFormation and SAM templates: {@code SamTransform} expands the {@code
 * AWS::Serverless-2016-10-31} transform (APIs, functions, their API events and {@code Globals})
 * into plain CloudFormation, as AWS SAM's own transform does, before the template's API Gateway
 * resources are imported. Errors name the template's property path.
 */
package dev.apigw.model.cloudformation;
