package dev.warden.cases.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Reads {@code warden.notifications.v1} onto the case timeline. A record that cannot be read or filed
 * is nacked and the connector moves it to {@code warden.notifications.v1.dlq} with the reason in
 * {@code dead-letter-reason}.
 */
@ApplicationScoped
public class NotificationConsumer {

    @Inject
    CaseMails mails;

    @Incoming("notifications")
    @Blocking
    public void onNotification(String json) {
        mails.file(NotificationValidation.read(json));
    }
}
