package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS service integration URIs (reference 4.2). */
class AwsServiceUriTest {
    @Test
    void resolve_actionUri_givesRegionServiceAndAction() {
        assertThat(
                        AwsServiceUri.parse("arn:aws:apigateway:eu-west-3:sqs:action/SendMessage")
                                .resolve(Map.of(), Map.of()))
                .contains(new AwsServiceUri.Target("eu-west-3", "sqs", "", "SendMessage", ""));
    }

    @Test
    void resolve_pathUriWithSubdomainPlaceholdersAndStageVariables_isFilled() {
        AwsServiceUri uri =
                AwsServiceUri.parse(
                        "arn:aws-cn:apigateway:${stageVariables.r}:my.bucket.s3:path/{b}/k/{key}");

        assertThat(uri.resolve(Map.of("b", "photos", "key", "a b.png"), Map.of("r", "cn-north-1")))
                .contains(
                        new AwsServiceUri.Target(
                                "cn-north-1", "s3", "my.bucket", "", "photos/k/a%20b.png"));
    }

    @Test
    void resolve_undefinedStageVariableOrNoApi_givesNothing() {
        assertThat(
                        AwsServiceUri.parse(
                                        "arn:aws:apigateway:us-east-1:sqs:path/${stageVariables.q}")
                                .resolve(Map.of(), Map.of()))
                .isEmpty();
        assertThat(
                        AwsServiceUri.parse(
                                        "arn:aws:apigateway:us-east-1:sqs:path/${stageVariables.q}")
                                .resolve(Map.of(), Map.of("q", "")))
                .isEmpty();
        assertThat(AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:path/q").toString())
                .isEqualTo("arn:aws:apigateway:us-east-1:sqs:path/q");
    }
}
