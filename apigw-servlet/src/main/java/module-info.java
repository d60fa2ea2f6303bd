/**
 * Serving an {@code Api} over HTTP: {@code dev.apigw.servlet.ApiServlet} in any Jakarta Servlet 6
 * container and {@code dev.apigw.servlet.LocalServer} on embedded Jetty 12.
 */
module dev.apigw.servlet {
    requires transitive dev.apigw.runtime;
    requires transitive jakarta.servlet;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.slf4j;

    exports dev.apigw.servlet;
}
