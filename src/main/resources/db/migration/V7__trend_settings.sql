-- An organization's own thresholds for trend events; organizations without a row use the configured defaults.
CREATE TABLE trend_settings (
    organization_id             uuid PRIMARY KEY REFERENCES organization (id),
    rci_z                       numeric(6, 3) NOT NULL CHECK (rci_z > 0 AND rci_z <= 10),
    personal_drop_min_earlier   integer       NOT NULL CHECK (personal_drop_min_earlier BETWEEN 2 AND 100),
    personal_drop_sd_multiplier numeric(6, 3) NOT NULL CHECK (personal_drop_sd_multiplier > 0 AND personal_drop_sd_multiplier <= 10),
    repair_window               integer       NOT NULL CHECK (repair_window BETWEEN 1 AND 50),
    no_response_expiries        integer       NOT NULL CHECK (no_response_expiries BETWEEN 1 AND 50),
    updated_at                  timestamptz   NOT NULL DEFAULT now()
);
