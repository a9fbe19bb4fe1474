package dev.warden.notify.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event contracts this service reads or writes with Jackson (WardenJson) outside REST: in a native
 * image Jackson can only bind them if they are registered for reflection.
 */
@RegisterForReflection(targets = {
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
