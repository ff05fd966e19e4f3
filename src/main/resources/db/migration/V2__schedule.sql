-- An organization's questionnaire schedule: one row per rule, in the order the admin gave them. An
-- organization without rows gets the default schedule. Versions are stored as resolved when the schedule was
-- saved, so a newly released version never changes what an organization sends without its admin saying so.
CREATE TABLE schedule_rule (
    id                    uuid PRIMARY KEY,
    organization_id       uuid        NOT NULL REFERENCES organization (id),
    rule_index            integer     NOT NULL CHECK (rule_index >= 0),
    questionnaire_id      varchar(64) NOT NULL,
    questionnaire_version varchar(32) NOT NULL,
    sessions              integer[]   NOT NULL DEFAULT '{}',
    repeat_every          integer     CHECK (repeat_every BETWEEN 1 AND 1000),
    starting_at           integer     CHECK (starting_at BETWEEN 1 AND 1000),
    allow_unreleased      boolean     NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, rule_index),
    UNIQUE (organization_id, questionnaire_id),
    CHECK (repeat_every IS NOT NULL OR cardinality(sessions) > 0),
    CHECK (starting_at IS NULL OR repeat_every IS NOT NULL)
);
