package dev.warden.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * RFC 9457 problem details. {@code errors} names each offending field so a client can show the
 * message next to it.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is ({@code body.reason}, {@code path.id}, {@code header.If-Match}) and what is wrong. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
