package io.rapport.trend.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organization's own thresholds for trend events. */
@Entity
@Table(name = "trend_settings")
public class TrendSettings {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "rci_z")
    public BigDecimal rciZ;
    @Column(name = "personal_drop_min_earlier")
    public int personalDropMinEarlier;
    @Column(name = "personal_drop_sd_multiplier")
    public BigDecimal personalDropSdMultiplier;
    @Column(name = "repair_window")
    public int repairWindow;
    @Column(name = "no_response_expiries")
    public int noResponseExpiries;
    @Column(name = "reliable_drop_z")
    public BigDecimal reliableDropZ;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
