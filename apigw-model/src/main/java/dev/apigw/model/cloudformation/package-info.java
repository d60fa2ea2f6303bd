/**
 * CloudFormation, SAM and {@code cdk synth} templates imported into a {@link
 * dev.apigw.model.GatewayDefinition}: {@link dev.apigw.model.cloudformation.CloudFormationImporter}
 * with its {@link dev.apigw.model.cloudformation.TemplateOptions}. The SAM transform expands {@code
 * AWS::Serverless::*} resources into the CloudFormation resources SAM's own transform produces
 * before the import reads them.
 */
package dev.apigw.model.cloudformation;
