package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.rapport.account.UserAccountRepository;
import io.rapport.alert.AlertView;
import io.rapport.alert.Alerts;
import io.rapport.care.Client;
import io.rapport.care.ClientRepository;
import io.rapport.care.Pair;
import io.rapport.care.PairRepository;
import io.rapport.care.Therapist;
import io.rapport.care.TherapistRepository;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.apikey.ApiKeyRepository;
import io.rapport.trend.EventType;

/**
 * The alert inbox: the alerts of the pairs the caller may see (a therapist's own, an admin's whole organization),
 * named by client and therapist, and their acknowledgement. Alerts of pairs the caller may not see do not exist
 * here.
 */
@ApplicationScoped
public class AlertInboxService {

    /** Alerts per page: each carries a sentence and a form, so fewer than caseload rows. */
    static final int PAGE_SIZE = 25;

    /** What an acknowledgement did: {@code already} when someone had acknowledged the alert before. */
    public record Acknowledged(AlertView alert, boolean already) {
    }

    /** How the inbox names a pair: the client (name and EHR id) and the therapist. */
    private record PairLabel(String client, String therapist) {
        static final PairLabel UNKNOWN = new PairLabel("Unknown client", "");
    }

    private final Alerts alerts;
    private final PairRepository pairs;
    private final ClientRepository clients;
    private final TherapistRepository therapists;
    private final UserAccountRepository accounts;
    private final ApiKeyRepository keys;

    public AlertInboxService(Alerts alerts, PairRepository pairs, ClientRepository clients,
            TherapistRepository therapists, UserAccountRepository accounts, ApiKeyRepository keys) {
        this.alerts = alerts;
        this.pairs = pairs;
        this.clients = clients;
        this.therapists = therapists;
        this.accounts = accounts;
        this.keys = keys;
    }

    @Transactional
    public AlertInboxPage inbox(Visibility visibility, AlertInboxPage.Filter filter, int page) {
        UUID org = visibility.organizationId();
        Collection<UUID> visible = visiblePairs(visibility);
        Page<AlertView> found = alerts.find(org, new Alerts.Filter(visible, filter.pair(), filter.type(),
                filter.status()), new Page.Request(page, PAGE_SIZE));
        Set<UUID> offered = new HashSet<>(alerts.pairsWith(org, visible, filter.status()));
        if (filter.pair() != null && (visible == null || visible.contains(filter.pair()))) {
            offered.add(filter.pair());
        }
        Set<UUID> named = new HashSet<>(offered);
        found.items().forEach(a -> named.add(a.pairId()));
        Map<UUID, PairLabel> labels = labels(org, named);
        List<AlertInboxPage.Row> rows = new ArrayList<>();
        for (AlertView a : found.items()) {
            PairLabel label = labels.getOrDefault(a.pairId(), PairLabel.UNKNOWN);
            rows.add(new AlertInboxPage.Row(a.id(), a.type(), AlertTypes.label(a.type()), a.pairId(), label.client(),
                    label.therapist(), a.questionnaireId(), a.sessionNumber(), a.explanation(), figures(a.detail()),
                    a.createdAt(), "open".equals(a.status()), who(org, a.acknowledgedBy()), a.acknowledgedAt(),
                    a.acknowledgementNote()));
        }
        List<AlertInboxPage.Option> types = new ArrayList<>();
        for (EventType t : EventType.values()) {
            types.add(new AlertInboxPage.Option(t.code(), AlertTypes.label(t.code()), t.code().equals(filter.type())));
        }
        List<AlertInboxPage.Option> pairOptions = offered.stream()
                .filter(labels::containsKey)
                .map(id -> new AlertInboxPage.Option(id.toString(), labels.get(id).client(), id.equals(filter.pair())))
                .sorted(Comparator.comparing(AlertInboxPage.Option::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new AlertInboxPage(rows, filter, found.total(), page, PAGE_SIZE, types, pairOptions,
                visibility.wholeOrganization());
    }

    /** The open alerts the caller may see, for the navigation. */
    @Transactional
    public long openCount(Visibility visibility) {
        return alerts.countOpen(visibility.organizationId(), visiblePairs(visibility));
    }

    /**
     * Acknowledges an alert the caller may see; acknowledging again keeps the first acknowledgement.
     *
     * @return empty when the organization has no such alert or it belongs to another therapist's pair
     */
    @Transactional
    public Optional<Acknowledged> acknowledge(Visibility visibility, UUID alertId, String principal, String note) {
        UUID org = visibility.organizationId();
        Optional<AlertView> found = alerts.get(org, alertId).filter(a -> visible(visibility, a.pairId()));
        return found.map(a -> new Acknowledged(withNames(org, alerts.acknowledge(org, alertId, principal, note)),
                !"open".equals(a.status())));
    }

    /** Who acknowledged, for people: an account's username or a key's name instead of their ids. */
    private AlertView withNames(UUID org, AlertView a) {
        return new AlertView(a.id(), a.pairId(), a.questionnaireId(), a.type(), a.sessionNumber(), a.explanation(),
                a.detail(), a.status(), a.createdAt(), who(org, a.acknowledgedBy()), a.acknowledgedAt(),
                a.acknowledgementNote());
    }

    private String who(UUID org, String principal) {
        if (principal == null) {
            return null;
        }
        int colon = principal.indexOf(':');
        Optional<UUID> id = colon < 0 ? Optional.empty() : Ids.tryParse(principal.substring(colon + 1));
        if (id.isPresent() && principal.startsWith("account:")) {
            return accounts.findInOrganization(org, id.get()).map(u -> u.username).orElse(principal);
        }
        if (id.isPresent() && principal.startsWith("api-key:")) {
            return keys.findInOrganization(org, id.get()).map(k -> "API key “" + k.name + "”").orElse(principal);
        }
        return principal;
    }

    /** Null for the whole organization; else the therapist's pairs. */
    private Collection<UUID> visiblePairs(Visibility visibility) {
        if (visibility.wholeOrganization()) {
            return null;
        }
        return pairs.listInOrganization(visibility.organizationId(), "therapistId = ?2", Sort.by("id"),
                visibility.therapistId()).stream().map(p -> p.id).toList();
    }

    private boolean visible(Visibility visibility, UUID pairId) {
        return visibility.wholeOrganization() || pairs.findInOrganization(visibility.organizationId(), pairId)
                .map(p -> p.therapistId.equals(visibility.therapistId())).orElse(false);
    }

    /** Client (name, else EHR id, with the id) and therapist of each pair, in three queries. */
    private Map<UUID, PairLabel> labels(UUID org, Set<UUID> pairIds) {
        Map<UUID, PairLabel> labels = new HashMap<>();
        if (pairIds.isEmpty()) {
            return labels;
        }
        List<Pair> found = pairs.listInOrganization(org, "id in ?2", Sort.by("id"), pairIds);
        Map<UUID, Client> byClient = new HashMap<>();
        Map<UUID, Therapist> byTherapist = new HashMap<>();
        if (!found.isEmpty()) {
            clients.listInOrganization(org, "id in ?2", Sort.by("id"), found.stream().map(p -> p.clientId).toList())
                    .forEach(c -> byClient.put(c.id, c));
            therapists.listInOrganization(org, "id in ?2", Sort.by("id"),
                    found.stream().map(p -> p.therapistId).toList()).forEach(t -> byTherapist.put(t.id, t));
        }
        for (Pair p : found) {
            Client c = byClient.get(p.clientId);
            Therapist t = byTherapist.get(p.therapistId);
            String client = c == null ? "Unknown client"
                    : c.displayName == null || c.displayName.isBlank() ? c.externalId
                            : c.displayName + " (" + c.externalId + ")";
            String therapist = t == null ? ""
                    : t.displayName == null || t.displayName.isBlank() ? t.externalId : t.displayName;
            labels.put(p.id, new PairLabel(client, therapist));
        }
        return labels;
    }

    /** The detail's plain numbers and words; the explanation and the constants' source are shown elsewhere. */
    private static List<AlertInboxPage.Figure> figures(Map<String, Object> detail) {
        List<AlertInboxPage.Figure> figures = new ArrayList<>();
        detail.forEach((name, value) -> {
            if (!"explanation".equals(name) && (value instanceof Number || value instanceof String
                    || value instanceof Boolean)) {
                figures.add(new AlertInboxPage.Figure(words(name), value.toString()));
            }
        });
        return figures;
    }

    /** {@code errorSdBasis} as "error SD basis". */
    private static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.replace(" sd", " SD").replace("sd ", "SD ").replaceAll("^sd$", "SD");
    }
}
