package dev.warden.cases.dsa;

import java.util.List;
import java.util.stream.Collectors;

import dev.warden.cases.domain.DomainException;

/**
 * The statement of reasons a decision needs would be rejected by the Transparency Database, so the
 * decision must not happen. A domain error: the REST edge answers 422 naming the fields; a Kafka
 * consumer dead-letters the record with this message.
 */
public class StatementRejectedException extends DomainException.Invalid {

    private final List<DsaStatementValidator.FieldError> errors;

    public StatementRejectedException(List<DsaStatementValidator.FieldError> errors) {
        super(DomainException.Kind.UNPROCESSABLE, "the DSA statement of reasons would be rejected: "
                + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")), List.of());
        this.errors = List.copyOf(errors);
    }

    public List<DsaStatementValidator.FieldError> errors() {
        return errors;
    }
}
