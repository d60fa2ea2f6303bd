/**
 * Reading CloudFormation template text, shared by the OpenAPI importer and the CloudFormation
 * importer: YAML with CloudFormation's short-form tags, anchors and aliases ({@link
 * dev.apigw.model.template.YamlTree}), and the intrinsic functions ({@link
 * dev.apigw.model.template.Intrinsics}). Internal: the module does not export this package.
 */
package dev.apigw.model.template;
