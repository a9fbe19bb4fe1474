package dev.warden.notify.delivery;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of deliveries, newest first; {@code total} counts every match of the filter. */
@RegisterForReflection
public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
