package io.rapport.care;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ClientRepository implements ExternallyIdentified<Client> {

    @Override
    public String table() {
        return "client";
    }

    @Override
    public List<String> replaceableColumns() {
        return List.of("display_name", "email", "preferred_language");
    }

    @Override
    public UUID idOf(Client entity) {
        return entity.id;
    }
}
