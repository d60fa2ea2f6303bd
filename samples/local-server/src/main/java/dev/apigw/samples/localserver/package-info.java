/**
 * A local server for any OpenAPI file: {@link dev.apigw.samples.localserver.LocalServerMain}
 * (the command line of {@code apigw-local.jar}), {@link dev.apigw.samples.localserver.ApiServlet}
 * (a Jakarta Servlet 6 adapter, reusable in any servlet container) and {@link
 * dev.apigw.samples.localserver.LocalServer} (Jetty 12 configured to pass raw request targets).
 */
package dev.apigw.samples.localserver;
