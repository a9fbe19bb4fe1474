package dev.warden.cases.dsa.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The EU DSA Transparency Database API as far as Warden uses it. Built per base URL by
 * {@link TransparencyDatabase} (the URL and timeouts come from {@code warden.dsa.submission.*});
 * {@code quarkus.rest-client.transparency-database.*} can add the rest (TLS, proxy, logging).
 */
@RegisterRestClient(configKey = "transparency-database")
public interface TransparencyDatabaseApi {

    /** At most 100 statements: {@code {"statements": [...]}}, already JSON. Every status is returned, none thrown. */
    @POST
    @Path("/api/v1/statements") // on the method: no class-level @Path, nothing here looks like a server resource
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response submit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String statements);
}
