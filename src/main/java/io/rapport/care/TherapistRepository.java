package io.rapport.care;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TherapistRepository implements ExternallyIdentified<Therapist> {

    @Override
    public String table() {
        return "therapist";
    }

    @Override
    public List<String> replaceableColumns() {
        return List.of("display_name", "email", "active");
    }

    @Override
    public UUID idOf(Therapist entity) {
        return entity.id;
    }
}
