/**
 * A local server for any OpenAPI file: {@link dev.apigw.samples.localserver.LocalServerMain}, the
 * command line of {@code apigw-local.jar}, serving through {@code apigw-servlet}'s {@link
 * dev.apigw.servlet.ApiServlet} and {@link dev.apigw.servlet.LocalServer}.
 */
package dev.apigw.samples.localserver;
