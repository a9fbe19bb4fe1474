package dev.warden.notify.mail.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warden.common.problem.ProblemException;
import dev.warden.common.security.Roles;
import dev.warden.notify.mail.MailPreview;
import dev.warden.notify.mail.MailTemplates;
import dev.warden.notify.mail.SampleEvents;

@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "templates", description = "Mail templates (admin)")
public class TemplateResource {

    @Inject
    MailTemplates templates;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Names of the mail templates")
    public List<String> names() {
        return MailTemplates.NAMES;
    }

    @GET
    @Path("/{name}/preview")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Render a template for a sample event without sending it",
            description = "Unsupported languages fall back to English, as real mails do; `locale` in the answer "
                    + "says which language was rendered.")
    @APIResponse(responseCode = "200", description = "Subject, plain-text and HTML part")
    @APIResponse(responseCode = "404", description = "No such template")
    public MailPreview preview(@PathParam("name") String name,
            @Parameter(description = "BCP 47 language tag, e.g. de-DE") @QueryParam("locale") @DefaultValue("en")
            @Pattern(regexp = "[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*", message = "must be a BCP 47 language tag")
            String locale) {
        if (!MailTemplates.NAMES.contains(name)) {
            throw ProblemException.notFound("template", name);
        }
        String lang = MailTemplates.LEGAL_ESCALATION.equals(name) ? "en" : MailTemplates.supportedLocale(locale);
        return MailPreview.of(name, lang, templates.render(name, lang, SampleEvents.forTemplate(name, locale)));
    }
}
