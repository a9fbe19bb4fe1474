package dev.warden.cases.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event contracts this service reads or writes with Jackson (WardenJson) outside REST: in a native
 * image Jackson can only bind them if they are registered for reflection.
 */
@RegisterForReflection(targets = {
        dev.warden.contracts.signal.DetectionSignal.class, dev.warden.contracts.signal.DetectionSignal.Window.class,
        dev.warden.contracts.signal.DetectionSignal.Criterion.class,
        dev.warden.contracts.signal.DetectionSignal.AccountContext.class, dev.warden.contracts.signal.Violation.class,
        dev.warden.contracts.enforcement.EnforcementEvent.class,
        dev.warden.contracts.enforcement.EnforcementEvent.PolicyRef.class,
        dev.warden.contracts.enforcement.EnforcementEvent.Recipient.class,
        dev.warden.contracts.enforcement.EnforcementAction.class,
        dev.warden.contracts.notification.NotificationEvent.class,
        dev.warden.contracts.notification.NotificationEvent.Audience.class,
        dev.warden.contracts.notification.NotificationEvent.Status.class })
public final class ContractTypes {

    private ContractTypes() {
    }
}
