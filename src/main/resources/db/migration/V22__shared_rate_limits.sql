-- Rate limits against brute force (failed logins per username and address, unknown form links per address) that
-- hold across every instance on this database: one row per limited key, written by Bucket4j's PostgreSQL proxy
-- under SELECT ... FOR UPDATE (io.rapport.common.ratelimit.SharedBuckets). The key is a limiter's name and the
-- username or address; state is Bucket4j's serialized bucket; expires_at (epoch milliseconds) is when the bucket
-- has been full again for a minute, after which a scheduled purge deletes the row.
CREATE TABLE rate_limit_bucket (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
