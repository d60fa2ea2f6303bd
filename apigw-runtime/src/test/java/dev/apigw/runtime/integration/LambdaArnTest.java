package dev.apigw.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of Lambda integration URIs (reference 2, intro) and their stage variables (1.5). */
class LambdaArnTest {
    private static String uri(String functionArn) {
        return "arn:aws:apigateway:sa-east-1:lambda:path/2015-03-31/functions/"
                + functionArn
                + "/invocations";
    }

    @Test
    void parse_plainAndQualifiedArns_giveNameAndQualifier() {
        LambdaArn.Function plain =
                LambdaArn.parse(uri("arn:aws:lambda:sa-east-1:444455556666:function:billing"))
                        .resolve(Map.of())
                        .orElseThrow();
        LambdaArn.Function alias =
                LambdaArn.parse(uri("arn:aws:lambda:sa-east-1:444455556666:function:billing:7"))
                        .resolve(Map.of())
                        .orElseThrow();

        assertThat(plain.name()).isEqualTo("billing");
        assertThat(plain.qualifier()).isEmpty();
        assertThat(alias.qualifier()).isEqualTo("7");
        assertThat(alias.arn()).endsWith("function:billing:7");
    }

    @Test
    void resolve_bothStageVariableForms_substituted() {
        LambdaArn arn =
                LambdaArn.parse(
                        uri(
                                "arn:aws:lambda:sa-east-1:444455556666:function:${stageVariables.fn}:${stageVariables['q']}"));

        LambdaArn.Function f = arn.resolve(Map.of("fn", "ship-it", "q", "canary")).orElseThrow();

        assertThat(f.name()).isEqualTo("ship-it");
        assertThat(f.qualifier()).isEqualTo("canary");
        assertThat(arn.resolve(Map.of("fn", "ship-it"))).isEmpty();
        assertThat(arn.resolve(Map.of("fn", "bad name", "q", "x"))).isEmpty();
    }

    @Test
    void parse_notAFunctionArn_throws() {
        assertThatThrownBy(() -> LambdaArn.parse(uri("arn:aws:lambda:sa-east-1:1:function:x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LambdaArn.isLambda("arn:aws:apigateway:us-east-1:sqs:path/1/q")).isFalse();
    }
}
