package dev.apigw.model.cloudformation;

import static dev.apigw.model.cloudformation.CloudFormationImporterTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.model.GatewayDefinition;
import dev.apigw.model.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The intrinsic functions of a template, seen through the stage variables they produce ("Intrinsic
 * function reference" of the CloudFormation user guide).
 */
class TemplateIntrinsicsTest {
    private static final String HEAD =
            """
            Parameters:
              Env: {Type: String, Default: dev}
              Zones: {Type: CommaDelimitedList, Default: 'a,b,c'}
            Mappings:
              Sizes:
                dev: {memory: '256'}
                prod: {memory: '1024'}
            Conditions:
              IsDev: !Equals [!Ref Env, dev]
              IsProd: !Not [!Condition IsDev]
              Both: !And [!Condition IsDev, !Equals [x, x]]
              Either: !Or [!Condition IsProd, !Equals [x, y]]
            Resources:
              Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: a}}
              D: {Type: AWS::ApiGateway::Deployment, Properties: {RestApiId: !Ref Api}}
              S:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  DeploymentId: !Ref D
                  StageName: s
                  Variables:
            """;

    private static Map<String, String> variables(String variables) {
        return variables(variables, BASE);
    }

    private static Map<String, String> variables(String variables, TemplateOptions options) {
        GatewayDefinition def =
                CloudFormationImporterTest.load(HEAD + variables.indent(8), options);
        Stage stage = def.restApi("Api").stage("s").orElseThrow();
        return stage.variables();
    }

    @Test
    void evaluate_selectSplitJoin_workOnListsAndListParameters() {
        Map<String, String> v =
                variables(
                        """
                        second: !Select [1, !Ref Zones]
                        joined: !Join ['-', !Ref Zones]
                        split: !Select [2, !Split ['/', 'x/y/z']]
                        nested: !Join ['', [!Select [0, !Split [',', !Join [',', [p, q]]]], '.']]
                        """);

        assertThat(v)
                .containsEntry("second", "b")
                .containsEntry("joined", "a-b-c")
                .containsEntry("split", "z")
                .containsEntry("nested", "p.");
    }

    @Test
    void evaluate_conditions_andOrNotAndIf() {
        Map<String, String> v =
                variables(
                        """
                        dev: !If [IsDev, y1, n1]
                        prod: !If [IsProd, y1, n1]
                        both: !If [Both, y1, n1]
                        either: !If [Either, y1, n1]
                        gone: !If [IsProd, here, !Ref AWS::NoValue]
                        """);

        assertThat(v)
                .containsEntry("dev", "y1")
                .containsEntry("prod", "n1")
                .containsEntry("both", "y1")
                .containsEntry("either", "n1")
                .doesNotContainKey("gone");
    }

    @Test
    void evaluate_subWithVariablesPseudoParametersAndResources() {
        Map<String, String> v =
                variables(
                        """
                        sub: !Sub ['${Env}-${Local}-${AWS::Region}', {Local: !Ref Env}]
                        arn: !Sub '${Api}'
                        stack: !Sub '${AWS::StackName}/${AWS::AccountId}/${AWS::Partition}'
                        """);

        assertThat(v)
                .containsEntry("sub", "dev-dev-us-east-1")
                .containsEntry("stack", "stack/123456789012/aws");
        assertThat(v.get("arn")).matches("[a-z0-9]{10}");
    }

    @Test
    void evaluate_findInMapImportValueBase64Length() {
        Map<String, String> v =
                variables(
                        """
                        memory: !FindInMap [Sizes, !Ref Env, memory]
                        imported: !ImportValue shared-table
                        b64: !Base64 hi
                        count: {'Fn::Length': !Ref Zones}
                        """,
                        BASE.copy(o -> o.importValue("shared-table", "orders")));

        assertThat(v)
                .containsEntry("memory", "256")
                .containsEntry("imported", "orders")
                .containsEntry("b64", "aGk=")
                .containsEntry("count", "3");
    }

    @Test
    void evaluate_missingImport_failsNamingTheExport() {
        assertThatThrownBy(() -> variables("x: !ImportValue nope\n"))
                .hasMessageStartingWith("Fn::ImportValue nope: no value for this export");
    }

    @Test
    void evaluate_selectOutOfRange_failsNamingThePath() {
        assertThatThrownBy(() -> variables("x: !Select [5, !Ref Zones]\n"))
                .hasMessage(
                        "Resources.S.Properties.Variables.x.Fn::Select: index 5 is outside the"
                                + " list of 3");
    }

    @Test
    void evaluate_unknownFunction_failsNamingIt() {
        assertThatThrownBy(() -> variables("x: {'Fn::Magic': 1}\n"))
                .hasMessage(
                        "Resources.S.Properties.Variables.x.Fn::Magic: the intrinsic function"
                                + " Fn::Magic is not supported");
    }

    @Test
    void evaluate_deeplyNestedValue_failsInsteadOfOverflowing() {
        String deep = "x: " + "{'Fn::Base64': ".repeat(300) + "a" + "}".repeat(300) + "\n";

        assertThatThrownBy(() -> variables(deep)).hasMessageContaining("nested deeper than 200");
    }

    @Test
    void evaluate_conditionOnItself_fails() {
        String template =
                HEAD.replace("IsDev: !Equals [!Ref Env, dev]", "IsDev: !Condition IsProd")
                        + "        x: !If [IsDev, a, b]\n";

        assertThatThrownBy(() -> CloudFormationImporterTest.load(template, BASE))
                .hasMessageContaining("the condition depends on itself");
    }
}
