package dev.warden.notify.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.mail.MailPreview;
import dev.warden.notify.mail.MailTemplates;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reads deliveries for the API; reading a mail's content is recorded (it carries personal data). */
@ApplicationScoped
public class DeliveryQueries {

    @Inject
    MailTemplates templates;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryPage list(DeliveryFilter filter, int page, int size) {
        Parameters p = new Parameters();
        var query = Delivery.<Delivery>find(filter.where(p), Sort.descending("createdAt").and("id"), p);
        long total = query.count();
        return new DeliveryPage(query.page(page, size).list().stream().map(DeliveryView::of).toList(), page, size,
                total);
    }

    /** Who read a delivery's content, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryReadView> reads(UUID id) {
        if (Delivery.findById(id) == null) {
            throw ProblemException.notFound("delivery", id);
        }
        return DeliveryAccess.<DeliveryAccess>find("deliveryId", Sort.ascending("readAt").and("id"), id).stream()
                .map(DeliveryReadView::of).toList();
    }

    /** The delivery with its rendered mail; records who read it and when, in the same transaction. */
    @Transactional
    public DeliveryDetail read(UUID id, String reader, Set<String> roles) {
        Delivery d = Delivery.findById(id);
        if (d == null) {
            throw ProblemException.notFound("delivery", id);
        }
        DeliveryAccess access = new DeliveryAccess();
        access.deliveryId = id;
        access.reader = reader;
        access.roles = String.join(",", new TreeSet<>(roles));
        access.readAt = clock.instant();
        access.persist();

        EnforcementEvent event = WardenJson.read(d.payload, EnforcementEvent.class);
        MailTemplates.RenderedMail mail = templates.render(d.template, d.locale, event);
        return new DeliveryDetail(DeliveryView.of(d), MailPreview.of(d.template, d.locale, mail));
    }
}
