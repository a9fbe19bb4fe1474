package dev.warden.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.warden.cases.casework.DutyViolationException;
import dev.warden.common.messaging.TransientFailure;

class DomainExceptionTest {

    @Test
    void consumersDeadLetterEveryDomainRefusalInsteadOfRetryingIt() {
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            DomainException e = DomainException.of(kind, "refused", List.of());
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(TransientFailure.of(e)).as(kind.name()).isEqualTo(TransientFailure.NONE);
        }
    }

    @Test
    void separationOfDutiesRefusalIsNotAllowedWithTheRuleAsReason() {
        DomainException e = new DutyViolationException("the proposer may not approve");
        assertThat(e).isInstanceOf(DomainException.NotAllowed.class);
        assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_ALLOWED);
        assertThat(e.getMessage()).isEqualTo("the proposer may not approve");
    }

    @Test
    void invalidInputNamesTheFieldInDetailAndFields() {
        DomainException e = DomainException.invalid("restrictFor", "must be positive");
        assertThat(e.kind()).isEqualTo(DomainException.Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("restrictFor: must be positive");
        assertThat(e.fields()).containsExactly(new DomainException.Field("restrictFor", "must be positive"));
    }
}
