package dev.warden.detection.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event contracts this service reads or writes with Jackson (WardenJson) outside REST: in a native
 * image Jackson can only bind them if they are registered for reflection.
 */
@RegisterForReflection(targets = {
        dev.warden.contracts.activity.ActivityEvent.class, dev.warden.contracts.activity.ActivityType.class,
        dev.warden.contracts.activity.AccountType.class, dev.warden.contracts.activity.ClientType.class,
        dev.warden.contracts.activity.ChatType.class, dev.warden.contracts.activity.ReportReason.class,
        dev.warden.contracts.signal.DetectionSignal.class, dev.warden.contracts.signal.DetectionSignal.Window.class,
        dev.warden.contracts.signal.DetectionSignal.Criterion.class,
        dev.warden.contracts.signal.DetectionSignal.AccountContext.class, dev.warden.contracts.signal.Violation.class })
public final class ContractTypes {

    private ContractTypes() {
    }
}
