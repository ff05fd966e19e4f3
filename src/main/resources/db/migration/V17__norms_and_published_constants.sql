-- Rupture rules that ignore noise (issue 12): the organization's own norms, the constants it publishes itself, and
-- a stricter z for drops.

-- z a drop from the previous score must reach; NULL keeps the configured default, so rows of V7 stay valid.
ALTER TABLE trend_settings ADD COLUMN reliable_drop_z numeric(6, 3)
    CHECK (reliable_drop_z IS NULL OR (reliable_drop_z > 0 AND reliable_drop_z <= 10));

-- Norms computed by the norms job from the organization's stored responses, one row per instrument version and
-- scale ('total' or a subscale), replaced by each successful run. The reference sample is each pair's first scored
-- response; alpha comes from the same responses' reverse-keyed items. A NULL statistic is one the data could not
-- give (too few responses, no variance).
CREATE TABLE local_norm (
    organization_id       uuid          NOT NULL REFERENCES organization (id),
    questionnaire_id      varchar(64)   NOT NULL,
    questionnaire_version varchar(32)   NOT NULL,
    scale                 varchar(64)   NOT NULL,
    computed_at           timestamptz   NOT NULL,
    pairs                 integer       NOT NULL CHECK (pairs >= 0),
    responses             integer       NOT NULL CHECK (responses >= 0),
    reference_sample      varchar(64)   NOT NULL,
    mean                  double precision,
    sd                    double precision CHECK (sd IS NULL OR sd >= 0),
    within_sd             double precision CHECK (within_sd IS NULL OR within_sd >= 0),
    within_df             integer       NOT NULL CHECK (within_df >= 0),
    -- Robust session-to-session SD (grouped median of |successive differences| / (√2 · 0.6745)) that the drop
    -- rules use: ruptures inflate within_sd, hardly this.
    noise_sd              double precision CHECK (noise_sd IS NULL OR noise_sd >= 0),
    differences           integer       NOT NULL CHECK (differences >= 0),
    alpha                 double precision,
    alpha_lower           double precision,
    alpha_upper           double precision,
    alpha_responses       integer       CHECK (alpha_responses IS NULL OR alpha_responses >= 0),
    sem                   double precision CHECK (sem IS NULL OR sem >= 0),
    PRIMARY KEY (organization_id, questionnaire_id, questionnaire_version, scale)
);

-- Constants an admin set from a publication, versioned: every change is a new revision and old ones stay
-- readable. The current set of an instrument version is its highest revision, unless that revision withdrew it.
CREATE TABLE published_constants_revision (
    organization_id       uuid          NOT NULL REFERENCES organization (id),
    questionnaire_id      varchar(64)   NOT NULL,
    questionnaire_version varchar(32)   NOT NULL,
    revision              integer       NOT NULL CHECK (revision > 0),
    withdrawn             boolean       NOT NULL DEFAULT false,
    citation              varchar(2000),
    link                  varchar(2048),
    set_by                varchar(200)  NOT NULL,
    set_at                timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, questionnaire_id, questionnaire_version, revision),
    -- A set of constants always names its source; a withdrawal has none.
    CHECK (withdrawn OR (citation IS NOT NULL AND length(trim(citation)) > 0))
);

CREATE TABLE published_constant (
    organization_id       uuid             NOT NULL,
    questionnaire_id      varchar(64)      NOT NULL,
    questionnaire_version varchar(32)      NOT NULL,
    revision              integer          NOT NULL,
    scale                 varchar(64)      NOT NULL,
    reference_sd          double precision NOT NULL CHECK (reference_sd > 0),
    reliability           double precision NOT NULL CHECK (reliability > 0 AND reliability < 1),
    PRIMARY KEY (organization_id, questionnaire_id, questionnaire_version, revision, scale),
    FOREIGN KEY (organization_id, questionnaire_id, questionnaire_version, revision)
        REFERENCES published_constants_revision (organization_id, questionnaire_id, questionnaire_version, revision)
);
