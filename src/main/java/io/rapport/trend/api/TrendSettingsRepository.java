package io.rapport.trend.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TrendSettingsRepository implements PanacheRepositoryBase<TrendSettings, UUID> {
}
