package dev.warden.cases.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.warden.common.messaging.ConsumerRetry;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code warden.notifications.v1} onto the case timeline. Transient database failures are
 * retried ({@link ConsumerRetry}); a record that cannot be read or filed
 * is nacked and the connector moves it to {@code warden.notifications.v1.dlq} with the reason in
 * {@code dead-letter-reason}.
 */
@ApplicationScoped
public class NotificationConsumer {

    @Inject
    CaseMails mails;

    @Inject
    ConsumerRetry retry;

    @Incoming("notifications")
    @Blocking
    public void onNotification(String json) {
        var report = NotificationValidation.read(json);
        retry.run("notifications", () -> mails.file(report));
    }
}
