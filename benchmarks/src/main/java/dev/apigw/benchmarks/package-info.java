/**
 * JMH benchmarks of the runtime, each measured beside its reference in the same run. Build with
 * {@code mvn -q package -pl benchmarks -am -DskipTests}, run with {@code java -jar
 * benchmarks/target/benchmarks.jar}; figures are in {@code benchmarks/README.md}.
 */
package dev.apigw.benchmarks;
