package dev.warden.notify.mail;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.config.NotifyConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Finds and renders the Qute templates of a mail: {@code mail/<name>.<locale>.txt} (with the subject
 * as a hidden fragment) and {@code mail/<name>.<locale>.html}. Unsupported locales fall back to English.
 */
@ApplicationScoped
public class MailTemplates {

    public static final String LEGAL_ESCALATION = "legal-escalation";
    /** Every mail Warden sends: the account holder's six, then the legal team's. */
    public static final List<String> NAMES = List.of("warned", "restricted", "banned", "reinstated", "appeal-received",
            "appeal-decided", LEGAL_ESCALATION);
    static final Set<String> LOCALES = Set.of("en", "de");
    static final String FALLBACK_LOCALE = "en";

    @Inject
    Engine engine;

    @Inject
    NotifyConfig config;

    /** The account holder's template for an action; null when the holder is not told (escalation, dismissal). */
    public static String forAccountHolder(EnforcementAction action) {
        return switch (action) {
            case BANNED -> "banned";
            case RESTRICTED -> "restricted";
            case WARNED -> "warned";
            case REINSTATED -> "reinstated";
            case APPEAL_RECEIVED -> "appeal-received";
            case APPEAL_DECIDED -> "appeal-decided";
            case ESCALATED_TO_LEGAL, DISMISSED -> null;
        };
    }

    /** The action a template tells of (the inverse of {@link #forAccountHolder}). */
    public static EnforcementAction actionOf(String template) {
        if (LEGAL_ESCALATION.equals(template)) {
            return EnforcementAction.ESCALATED_TO_LEGAL;
        }
        for (EnforcementAction a : EnforcementAction.values()) {
            if (template.equals(forAccountHolder(a))) {
                return a;
            }
        }
        throw new IllegalArgumentException("no template " + template);
    }

    /** "de-DE", "de_AT", "DE" → "de"; anything we have no templates for → "en". */
    public static String supportedLocale(String requested) {
        if (requested == null || requested.isBlank()) {
            return FALLBACK_LOCALE;
        }
        String language = Locale.forLanguageTag(requested.replace('_', '-')).getLanguage();
        return LOCALES.contains(language) ? language : FALLBACK_LOCALE;
    }

    /** Renders the mail about {@code event}; its evidence link points at the configured base URL. */
    public RenderedMail render(String name, String locale, EnforcementEvent event) {
        MailModel model = MailModel.of(event, config.evidenceBaseUrl());
        String lang = supportedLocale(locale);
        Template text = template(name, lang, "txt");
        Template html = template(name, lang, "html");
        String subject = text.getFragment("subject").data("m", model).render().strip();
        return new RenderedMail(subject, text.data("m", model).render().strip() + "\n",
                html.data("m", model).render());
    }

    private Template template(String name, String lang, String format) {
        Template t = engine.getTemplate("mail/" + name + "." + lang + "." + format);
        if (t == null) {
            t = engine.getTemplate("mail/" + name + "." + FALLBACK_LOCALE + "." + format);
        }
        if (t == null) {
            throw new IllegalStateException("no template mail/" + name + " (" + format + ")");
        }
        return t;
    }

    public record RenderedMail(String subject, String text, String html) {
    }
}
