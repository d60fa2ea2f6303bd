/**
 * JMH benchmarks of the runtime, each measured beside its reference in the same run, and {@link
 * dev.apigw.benchmarks.WebSocketLoad}, a bounded WebSocket load generator run through the local
 * server ({@code benchmarks/websocket-load.sh}, reference 7.3, 9.5). Build with {@code mvn -q
 * package -pl benchmarks -am -DskipTests}, run with {@code java -jar
 * benchmarks/target/benchmarks.jar}; figures are in {@code benchmarks/README.md}.
 */
package dev.apigw.benchmarks;
