package dev.warden.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The console's runtime configuration for the single-page app. Public: it holds no secret. */
@Path("/config.json")
public class ConfigResource {

    @RegisterForReflection
    public record ConsoleSettings(String keycloakUrl, String realm, String clientId, String casesApi,
            String detectionApi) {
    }

    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new ConsoleSettings(trim(config.keycloakUrl()), config.realm(), config.clientId(),
                trim(config.casesApi()), trim(config.detectionApi()))).cacheControl(noStore).build();
    }

    static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
