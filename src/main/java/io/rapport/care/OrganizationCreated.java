package io.rapport.care;

import java.util.UUID;

/** The new organization with its first admin API key, which is never shown again. */
public record OrganizationCreated(UUID id, String slug, String name, int linkTtlHours, String adminApiKey) {
}
