package dev.warden.notify.delivery;

import dev.warden.notify.mail.MailPreview;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A delivery with the mail as rendered from its stored event (what was, or will be, sent). */
@RegisterForReflection
public record DeliveryDetail(DeliveryView delivery, MailPreview content) {
}
