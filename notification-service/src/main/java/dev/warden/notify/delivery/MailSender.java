package dev.warden.notify.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warden.common.relay.RelaySender;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.mail.MailTemplates;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Renders a delivery and hands it to the SMTP server. The Uni ends only with the server's reply to the
 * end of DATA (or a broken connection): a send is never abandoned and repeated while the server may
 * still accept it. The Message-ID is the delivery's id, the same on every attempt.
 */
@ApplicationScoped
public class MailSender implements RelaySender<Delivery> {

    /** The delivery cannot be mailed at all; retrying would not help. */
    static final class Unmailable extends RuntimeException {
        Unmailable(String reason) {
            super(reason);
        }
    }

    @Inject
    ReactiveMailer mailer;

    @Inject
    MailTemplates templates;

    @Override
    public Uni<Void> send(Delivery d) {
        String problem = RecipientAddress.problem(d.recipient);
        if (problem != null) {
            return Uni.createFrom().failure(new Unmailable(problem));
        }
        Mail mail;
        try {
            EnforcementEvent event = WardenJson.read(d.payload, EnforcementEvent.class);
            MailTemplates.RenderedMail rendered = templates.render(d.template, d.locale, event);
            d.subject = rendered.subject(); // recorded with the outcome
            mail = Mail.withText(d.recipient, rendered.subject(), rendered.text()).setHtml(rendered.html())
                    .addHeader("Message-ID", messageId(d))
                    .addHeader("X-Warden-Event", d.eventId.toString());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot render: " + e.getMessage(), e));
        }
        return mailer.send(mail);
    }

    static String messageId(Delivery d) {
        return "<" + d.id + "@warden>";
    }
}
