package io.rapport.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Organization {

    /** Created by the first migration; the bootstrap API key belongs to it. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Id
    public UUID id;
    public String slug;
    public String name;
    @Column(name = "link_ttl_hours")
    public int linkTtlHours;
    /** Hours after an assignment is issued that its one reminder is due; null: the deployment's default. */
    @Column(name = "reminder_delay_hours")
    public Integer reminderDelayHours;
    /** Comma-separated codes of the languages clients are offered, e.g. {@code en,es}; null: every language. */
    @Column(name = "form_languages")
    public String formLanguages;
    /** Whether the form shows the line inviting honest low ratings. */
    @Column(name = "candour_line")
    public boolean candourLine;
    /** Whether clients may see their own past totals as a chart after answering (pairs may still opt out). */
    @Column(name = "client_chart")
    public boolean clientChart;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
