package dev.warden.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads what a delivered message says: recipients, subject and its text/plain and text/html parts. */
public final class Mail {

    private Mail() {
    }

    public static List<String> recipients(MimeMessage m) {
        try {
            var to = m.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String plainText(MimeMessage m) {
        return part(m, "text/plain");
    }

    public static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    /** The first part of the given MIME type anywhere in the message, or null. */
    public static String part(MimeMessage m, String mimeType) {
        try {
            List<Object> queue = new ArrayList<>();
            queue.add(m);
            while (!queue.isEmpty()) {
                Object p = queue.remove(0);
                if (p instanceof jakarta.mail.Part part) {
                    if (part.isMimeType(mimeType)) {
                        return part.getContent().toString();
                    }
                    Object content = part.getContent();
                    if (content instanceof Multipart mp) {
                        for (int i = 0; i < mp.getCount(); i++) {
                            BodyPart bp = mp.getBodyPart(i);
                            queue.add(bp);
                        }
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
