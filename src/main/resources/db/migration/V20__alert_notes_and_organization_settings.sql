-- Issue 14, items 4 and 5: notes on acknowledged alerts, and per-organization delivery settings.

-- What the person who acknowledged an alert wrote about it (optional, at most 500 characters).
ALTER TABLE alert ADD COLUMN acknowledgement_note varchar(500);

-- Settings an organization's admin chooses. NULL means "not chosen": the deployment's
-- rapport.delivery.reminder-delay, and every language the client form is translated into, as before.
-- The reminder must come before the link expires, or it would never be sent.
ALTER TABLE organization ADD COLUMN reminder_delay_hours integer
    CHECK (reminder_delay_hours BETWEEN 1 AND 2159 AND reminder_delay_hours < link_ttl_hours);
-- Comma-separated language codes such as 'en,es'; which codes exist is the application's list, not the database's.
ALTER TABLE organization ADD COLUMN form_languages varchar(64)
    CHECK (form_languages ~ '^[a-z]{2}(,[a-z]{2})*$');

-- When an open assignment's one reminder is due, fixed when it is issued from its organization's delay, as its
-- expiry is from the link lifetime. NULL for assignments issued before: they keep created_at plus the configured
-- delay.
ALTER TABLE assignment ADD COLUMN remind_at timestamptz;
