/**
 * Serving an {@code Api} over HTTP: {@link dev.apigw.servlet.ApiServlet}, a Jakarta Servlet 6
 * adapter usable in any servlet container, and {@link dev.apigw.servlet.LocalServer}, an embedded
 * Jetty 12 server configured to hand raw request targets to it, as used by the local server and the
 * testkit.
 */
package dev.apigw.servlet;
