package org.examgate.inbox;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Received events and respondent timelines. Idempotency rests on the database's unique index, so
 * that concurrent copies of one event store it once whichever instance or thread takes them.
 */
@Repository
class InboxStore {

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the event and advances its respondent's timeline, or counts one more delivery of it,
     * in a single statement: one round trip, atomic without an explicit transaction. Returns true if
     * the event was new. Events may come in any order: each time in the timeline is set once and
     * never overwritten by a later delivery.
     */
    boolean storeKnown(Notification notification, Instant receivedAt) {
        Instant at = notification.occurredAt() != null ? notification.occurredAt() : receivedAt;
        NotificationType type = notification.type();
        return jdbc.sql("""
                with event as (
                    insert into webhook_event (event_type, exam_id, respondent_id, occurred_at, received_at,
                                               last_received_at, delivery_count, payload)
                    values (:type, :examId, :respondentId, :occurredAt, :receivedAt, :receivedAt, 1,
                            cast(:payload as json))
                    on conflict (event_type, exam_id, respondent_id)
                        where event_type in ('admitted_respondent', 'result_ready', 'investigation_complete')
                    do update set delivery_count = webhook_event.delivery_count + 1,
                                  last_received_at = greatest(webhook_event.last_received_at,
                                                              excluded.last_received_at)
                    returning (xmax = 0) as inserted
                ), timeline as (
                    insert into respondent_timeline (exam_id, respondent_id, admitted_at, result_ready_at,
                                                     investigation_completed_at, last_event_at)
                    select cast(:examId as varchar), cast(:respondentId as varchar),
                           cast(:admittedAt as timestamptz), cast(:resultReadyAt as timestamptz),
                           cast(:investigationAt as timestamptz), cast(:receivedAt as timestamptz)
                     where exists (select 1 from event where inserted)
                    on conflict (exam_id, respondent_id) do update set
                        admitted_at = coalesce(respondent_timeline.admitted_at, excluded.admitted_at),
                        result_ready_at = coalesce(respondent_timeline.result_ready_at, excluded.result_ready_at),
                        investigation_completed_at = coalesce(respondent_timeline.investigation_completed_at,
                                                              excluded.investigation_completed_at),
                        last_event_at = greatest(respondent_timeline.last_event_at, excluded.last_event_at)
                )
                select inserted from event
                """)
                .param("type", type.wireName())
                .param("examId", notification.examId())
                .param("respondentId", notification.respondentId())
                .param("occurredAt", timestamp(notification.occurredAt()))
                .param("receivedAt", timestamp(receivedAt))
                .param("payload", notification.payload())
                .param("admittedAt", type == NotificationType.ADMITTED_RESPONDENT ? timestamp(at) : null)
                .param("resultReadyAt", type == NotificationType.RESULT_READY ? timestamp(at) : null)
                .param("investigationAt", type == NotificationType.INVESTIGATION_COMPLETE ? timestamp(at) : null)
                .query(Boolean.class)
                .single();
    }

    void storeUnknown(String eventType, String examId, String respondentId, String payload, Instant receivedAt) {
        jdbc.sql("""
                insert into webhook_event (event_type, exam_id, respondent_id, received_at, last_received_at,
                                           delivery_count, payload)
                values (:type, :examId, :respondentId, :receivedAt, :receivedAt, 1, cast(:payload as json))
                """)
                .param("type", eventType)
                .param("examId", examId)
                .param("respondentId", respondentId)
                .param("receivedAt", timestamp(receivedAt))
                .param("payload", payload)
                .update();
    }

    /**
     * Keeps an event examgate does not know unless it is stored already. Such events have no
     * idempotency key, so a replayed one is recognised by its name, ids and time of arrival.
     */
    void storeUnknownOnce(String eventType, String examId, String respondentId, String payload, Instant receivedAt) {
        jdbc.sql("""
                insert into webhook_event (event_type, exam_id, respondent_id, received_at, last_received_at,
                                           delivery_count, payload)
                select cast(:type as varchar), cast(:examId as varchar), cast(:respondentId as varchar),
                       cast(:receivedAt as timestamptz), cast(:receivedAt as timestamptz), 1, cast(:payload as json)
                 where not exists (select 1 from webhook_event
                                    where received_at = :receivedAt and event_type = :type
                                      and exam_id is not distinct from :examId
                                      and respondent_id is not distinct from :respondentId)
                """)
                .param("type", eventType)
                .param("examId", examId)
                .param("respondentId", respondentId)
                .param("receivedAt", timestamp(receivedAt))
                .param("payload", payload)
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
