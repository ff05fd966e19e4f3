package io.rapport.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;

/** The sessions whose reminder is due, for {@link Reminders}; it reads, and {@link Reminders} claims. */
@ApplicationScoped
@ReadModel("Only clients with an e-mail address get reminders: filtering on care's client table in the same "
        + "statement keeps clients without one from filling every batch")
public class ReminderScan {

    /** A session with at least one open assignment whose reminder is due. */
    public record Due(UUID organizationId, UUID sessionId) {
    }

    private final EntityManager em;
    private final DeliveryConfig config;

    public ReminderScan(EntityManager em, DeliveryConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional
    List<Due> due() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return NativeColumns.tuples(em.createNativeQuery("select distinct a.organization_id, a.session_id"
                + " from assignment a"
                + " join session s on s.organization_id = a.organization_id and s.id = a.session_id"
                + " join pair p on p.organization_id = s.organization_id and p.id = s.pair_id"
                + " join client c on c.organization_id = p.organization_id and c.id = p.client_id"
                + " where a.status = 'open' and a.rater = 'client' and a.reminder_sent_at is null"
                + " and a.expires_at > :now"
                + " and (a.remind_at <= :now or a.remind_at is null and a.created_at <= :createdBefore)"
                + " and c.email is not null and c.email <> ''"
                + " limit :batch", Tuple.class)
                .setParameter("now", now)
                .setParameter("createdBefore", now.minus(config.reminderDelay()))
                .setParameter("batch", config.reminderBatchSize())).stream()
                .map(r -> new Due(r.get("organization_id", UUID.class), r.get("session_id", UUID.class))).toList();
    }
}
