#!/usr/bin/env bash
# Times `java -jar apigw-local.jar --template T` on a generated CloudFormation template with 300
# AWS::ApiGateway::Resources (LargeTemplates.restApiWith(300): 607 resources in all, one Java
# function), from process start to the first answered request (GET /prod/res0/res1, a Lambda proxy
# method: the function's cold call), RUNS times. Build first: mvn -B package -DskipTests
#   benchmarks/large-template-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=samples/local-server/target/apigw-local.jar
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'System.out.print(dev.apigw.model.cloudformation.LargeTemplates.restApiWith(300));\n/exit\n' \
    > "$work/gen.jsh"
jshell --class-path apigw-model/target/test-classes -q "$work/gen.jsh" > "$work/template.yaml"
core=$(find ~/.m2/repository/com/amazonaws/aws-lambda-java-core -name 'aws-lambda-java-core-*.jar' \
    | grep -v sources | head -1)
mkdir -p "$work/src/example" "$work/classes"
cat > "$work/src/example/Handler.java" <<'JAVA'
package example;

public class Handler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
    @Override
    public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
            com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException {
        out.write("{\"statusCode\":200,\"body\":\"ok\"}".getBytes());
    }
}
JAVA
javac -d "$work/classes" -cp "$core" "$work/src/example/Handler.java"
jar cf "$work/function.jar" -C "$work/classes" .
echo "run  listening_ms  first_answer_ms  status"
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    coproc SERVER { exec java -jar "$jar" --template "$work/template.yaml" --port 0 2>&1; }
    url=""
    while IFS= read -r line <&"${SERVER[0]}"; do
        case $line in
            "Listening on "*) url=${line#Listening on }; break ;;
        esac
    done
    listening=$(date +%s%N)
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url/res0/res1")
    answered=$(date +%s%N)
    kill "$SERVER_PID"
    wait "$SERVER_PID" || true
    echo "$run  $(( (listening - start) / 1000000 ))  $(( (answered - start) / 1000000 ))  $status"
done
