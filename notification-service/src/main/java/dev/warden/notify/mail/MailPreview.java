package dev.warden.notify.mail;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A rendered mail as the API shows it: which template and language were used, and both parts. */
@RegisterForReflection
public record MailPreview(String template, String locale, String subject, String text, String html) {

    public static MailPreview of(String template, String locale, MailTemplates.RenderedMail mail) {
        return new MailPreview(template, locale, mail.subject(), mail.text(), mail.html());
    }
}
