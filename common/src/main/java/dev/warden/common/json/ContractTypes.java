package dev.warden.common.json;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every event contract a Warden service reads or writes with Jackson (WardenJson) outside REST: in a
 * native image Jackson can only bind them if they are registered for reflection. One list for all three
 * services; registering a type a service does not use costs a few bytes of image.
 */
@RegisterForReflection(targets = {
        dev.warden.contracts.activity.ActivityEvent.class, dev.warden.contracts.activity.ActivityType.class,
        dev.warden.contracts.activity.AccountType.class, dev.warden.contracts.activity.ClientType.class,
        dev.warden.contracts.activity.ChatType.class, dev.warden.contracts.activity.ReportReason.class,
        dev.warden.contracts.signal.DetectionSignal.class, dev.warden.contracts.signal.DetectionSignal.Window.class,
        dev.warden.contracts.signal.DetectionSignal.Criterion.class,
        dev.warden.contracts.signal.DetectionSignal.AccountContext.class, dev.warden.contracts.signal.Violation.class,
        dev.warden.contracts.enforcement.EnforcementEvent.class,
        dev.warden.contracts.enforcement.EnforcementEvent.PolicyRef.class,
        dev.warden.contracts.enforcement.EnforcementEvent.Recipient.class,
        dev.warden.contracts.enforcement.EnforcementAction.class,
        dev.warden.contracts.enforcement.StatementOfReasons.class,
        dev.warden.contracts.notification.NotificationEvent.class,
        dev.warden.contracts.notification.NotificationEvent.Audience.class,
        dev.warden.contracts.notification.NotificationEvent.Status.class })
public final class ContractTypes {

    private ContractTypes() {
    }
}
