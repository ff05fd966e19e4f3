package io.rapport.alert;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class AlertRepository implements OrganizationScoped<Alert> {
}
