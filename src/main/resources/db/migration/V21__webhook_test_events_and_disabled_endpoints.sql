-- Webhook management (issue 14, item 2): test events, disabled endpoints and redelivery.

-- A test event ('webhook.test') is asked for by an admin for one endpoint. It is about no pair, so it carries
-- no pair_id; every other event still does. A NULL pair_id passes the composite foreign key to pair.
ALTER TABLE outbox DROP CONSTRAINT outbox_type_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_type_check CHECK (type IN ('response.completed', 'alert.below-cutoff',
    'alert.reliable-drop', 'alert.personal-drop', 'alert.repair', 'alert.unrepaired', 'alert.no-response',
    'alert.split-alliance', 'webhook.test'));
ALTER TABLE outbox ALTER COLUMN pair_id DROP NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_pair_unless_test CHECK ((pair_id IS NULL) = (type = 'webhook.test'));

-- The delivery of a test event has no pair either; NULL never equals another pair, so the relay's per-pair
-- ordering neither blocks it nor is blocked by it.
ALTER TABLE webhook_delivery ALTER COLUMN pair_id DROP NOT NULL;

-- A disabled endpoint gets no new deliveries and the relay sends none of its pending ones until it is enabled.
ALTER TABLE webhook_endpoint ADD COLUMN disabled_at timestamptz;

-- The endpoint's latest deliveries, for its page and GET /api/v1/webhooks/{id}/deliveries.
CREATE INDEX webhook_delivery_endpoint_recent_idx ON webhook_delivery (endpoint_id, created_at DESC, event_seq DESC);
