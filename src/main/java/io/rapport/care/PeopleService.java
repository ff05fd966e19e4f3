package io.rapport.care;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeUpsert;

/** Therapists and clients, created or replaced by the EHR's own ids. */
@ApplicationScoped
public class PeopleService {

    private final TherapistRepository therapists;
    private final ClientRepository clients;

    public PeopleService(TherapistRepository therapists, ClientRepository clients) {
        this.therapists = therapists;
        this.clients = clients;
    }

    public record Put<T>(T view, boolean created) {
    }

    @Transactional
    public Put<TherapistView> putTherapist(UUID organizationId, String externalId, TherapistRequest request) {
        NativeUpsert.Result result = therapists.upsert(organizationId, externalId, Arrays.asList(
                request.displayName(), request.email(), request.active() == null || request.active()));
        Therapist therapist = therapists.findInOrganization(organizationId, result.id()).orElseThrow();
        if (request.tags() != null) {
            therapist.tags = request.tags().stream().distinct().sorted().toArray(String[]::new);
        }
        return new Put<>(TherapistView.of(therapist), result.created());
    }

    @Transactional
    public Put<ClientView> putClient(UUID organizationId, String externalId, ClientRequest request) {
        NativeUpsert.Result result = clients.upsert(organizationId, externalId,
                Arrays.asList(request.displayName(), request.email(), request.preferredLanguage()));
        return new Put<>(ClientView.of(clients.findInOrganization(organizationId, result.id()).orElseThrow()),
                result.created());
    }

    /** A client by Rapport's id, within the organization. */
    @Transactional
    public Optional<ClientView> client(UUID organizationId, UUID clientId) {
        return clients.findInOrganization(organizationId, clientId).map(ClientView::of);
    }

    /** A client by the EHR's id, within the organization. */
    @Transactional
    public Optional<ClientView> clientByExternalId(UUID organizationId, String externalId) {
        return clients.findByExternalId(organizationId, externalId).map(ClientView::of);
    }

    @Transactional
    public Optional<TherapistView> therapist(UUID organizationId, UUID therapistId) {
        return therapists.findInOrganization(organizationId, therapistId).map(TherapistView::of);
    }

    @Transactional
    public Optional<TherapistView> therapistByExternalId(UUID organizationId, String externalId) {
        return therapists.findByExternalId(organizationId, externalId).map(TherapistView::of);
    }
}
