package dev.warden.common.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * HSTS on answers that went out over TLS (directly, or through a proxy that says so); the other security
 * headers are constant and set in configuration ({@code quarkus.http.header.*}). Over plain http a
 * browser ignores HSTS anyway, and a local run must not pin https on 127.0.0.1.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (overTls(request)) {
            response.getHeaders().putSingle("Strict-Transport-Security", HSTS);
        }
    }

    static boolean overTls(ContainerRequestContext request) {
        return "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())
                || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
    }
}
