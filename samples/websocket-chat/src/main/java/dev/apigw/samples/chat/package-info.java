/**
 * The three Lambda functions of the WebSocket chat sample's {@code template.yaml}: {@link
 * dev.apigw.samples.chat.ConnectHandler} ({@code $connect}), {@link
 * dev.apigw.samples.chat.DisconnectHandler} ({@code $disconnect}) and {@link
 * dev.apigw.samples.chat.SendMessageHandler} ({@code sendmessage}), plain Lambda handlers that know
 * nothing of apigw, sharing a {@link dev.apigw.samples.chat.ConnectionTable} in place of the
 * DynamoDB table of AWS's chat application.
 */
package dev.apigw.samples.chat;
