package io.rapport.trend.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.trend.Thresholds;

/** Per-organization thresholds for trend events, falling back to the configured defaults. */
@ApplicationScoped
public class TrendSettingsService {

    private final TrendSettingsRepository settings;
    private final TrendConfig defaults;

    public TrendSettingsService(TrendSettingsRepository settings, TrendConfig defaults) {
        this.settings = settings;
        this.defaults = defaults;
    }

    @Transactional
    public Thresholds thresholds(UUID organizationId) {
        TrendSettings s = settings.findById(organizationId);
        if (s == null) {
            return new Thresholds(defaults.rciZ(), defaults.personalDropMinEarlier(),
                    defaults.personalDropSdMultiplier(), defaults.repairWindow(), defaults.noResponseExpiries(),
                    defaults.reliableDropZ());
        }
        return new Thresholds(s.rciZ.doubleValue(), s.personalDropMinEarlier, s.personalDropSdMultiplier.doubleValue(),
                s.repairWindow, s.noResponseExpiries,
                s.reliableDropZ == null ? defaults.reliableDropZ() : s.reliableDropZ.doubleValue());
    }

    @Transactional
    public ThresholdsView get(UUID organizationId) {
        Thresholds t = thresholds(organizationId);
        return view(t, settings.findById(organizationId) != null);
    }

    @Transactional
    public ThresholdsView put(UUID organizationId, ThresholdsView request) {
        if (request.custom() != null) {
            throw ApiException.unprocessable("custom", "is read-only");
        }
        TrendSettings s = settings.findById(organizationId);
        if (s == null) {
            s = new TrendSettings();
            s.organizationId = organizationId;
        }
        s.rciZ = request.rciZ();
        s.personalDropMinEarlier = request.personalDropMinEarlier();
        s.personalDropSdMultiplier = request.personalDropSdMultiplier();
        s.repairWindow = request.repairWindow();
        s.noResponseExpiries = request.noResponseExpiries();
        s.reliableDropZ = request.reliableDropZ();
        s.updatedAt = Instant.now();
        settings.persist(s);
        return get(organizationId);
    }

    /** Back to the configured defaults. */
    @Transactional
    public ThresholdsView reset(UUID organizationId) {
        settings.deleteById(organizationId);
        return get(organizationId);
    }

    private static ThresholdsView view(Thresholds t, boolean custom) {
        return new ThresholdsView(BigDecimal.valueOf(t.rciZ()), t.personalDropMinEarlier(),
                BigDecimal.valueOf(t.personalDropSdMultiplier()), t.repairWindow(), t.noResponseExpiries(),
                BigDecimal.valueOf(t.reliableDropZ()), custom);
    }
}
