package io.rapport.care;

import java.util.Arrays;
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
        return new Put<>(TherapistView.of(therapists.findInOrganization(organizationId, result.id()).orElseThrow()),
                result.created());
    }

    @Transactional
    public Put<ClientView> putClient(UUID organizationId, String externalId, ClientRequest request) {
        NativeUpsert.Result result = clients.upsert(organizationId, externalId,
                Arrays.asList(request.displayName(), request.email(), request.preferredLanguage()));
        return new Put<>(ClientView.of(clients.findInOrganization(organizationId, result.id()).orElseThrow()),
                result.created());
    }
}
