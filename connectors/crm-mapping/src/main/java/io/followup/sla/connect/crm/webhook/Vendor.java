package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.payload.Payload;
import java.util.Optional;
import java.util.function.Function;

/**
 * One vendor's mapping as its transform has it: the mapping from payload to event, and the record
 * mapper with that vendor's topics and dead letter topic.
 */
record Vendor(
    WebhookMetrics.Source source,
    RecordMapper records,
    Function<Payload, Optional<MappedEvent>> mapping) {}
