package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every integration type has an invoker: the one dispatch on the type is complete. */
class IntegrationInvokersTest {
    private static Integration of(IntegrationType type) {
        Integration.Builder b = Integration.builder().type(type);
        switch (type) {
            case AWS:
            case AWS_PROXY:
                return b.httpMethod("POST")
                        .uri(
                                "arn:aws:apigateway:us-east-1:lambda:path/"
                                        + "2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/"
                                        + "invocations")
                        .build();
            case HTTP:
            case HTTP_PROXY:
                return b.httpMethod("GET").uri("https://backend.example.com/items").build();
            default:
                return b.build();
        }
    }

    private static final Map<IntegrationType, Class<?>> EXPECTED =
            Map.of(
                    IntegrationType.MOCK, MockInvoker.class,
                    IntegrationType.AWS_PROXY, LambdaProxyInvoker.class,
                    IntegrationType.AWS, AwsInvoker.class,
                    IntegrationType.HTTP_PROXY, HttpProxyInvoker.class,
                    IntegrationType.HTTP, HttpInvoker.class);

    @Test
    void create_awsServiceUri_hasTheServiceInvoker() {
        Integration sqs =
                Integration.builder()
                        .type(IntegrationType.AWS)
                        .httpMethod("POST")
                        .uri("arn:aws:apigateway:us-east-1:sqs:path/123456789012/q")
                        .build();

        assertThat(IntegrationInvokers.create(sqs)).isExactlyInstanceOf(AwsServiceInvoker.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(IntegrationType.class)
    void create_everyType_hasItsOwnInvoker(IntegrationType type) {
        assertThat(EXPECTED).containsKey(type);
        assertThat(IntegrationInvokers.create(of(type))).isExactlyInstanceOf(EXPECTED.get(type));
    }
}
