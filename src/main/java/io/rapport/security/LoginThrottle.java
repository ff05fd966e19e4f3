package io.rapport.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts failed logins per username and per address in a sliding window. Kept in memory: one instance sees
 * its own attempts only, which still slows guessing by a factor of the instance count at most.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Past this many tracked keys, expired ones are dropped so that a flood of names cannot exhaust memory. */
    static final int PRUNE_THRESHOLD = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;

    @Inject
    public LoginThrottle(SecurityConfig config) {
        this(config.web().maxFailuresPerUsername(), config.web().maxFailuresPerAddress(),
                config.web().failureWindow(), Clock.systemUTC());
    }

    LoginThrottle(int maxPerUsername, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long to wait before the next attempt, if this username or address has failed too often. */
    public Optional<Duration> retryAfter(String address, String username) {
        Instant now = clock.instant();
        Optional<Duration> byUser = blockedFor("user:" + username, maxPerUsername, now);
        Optional<Duration> byAddress = blockedFor("addr:" + address, maxPerAddress, now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return Optional.of(byUser.get().compareTo(byAddress.get()) > 0 ? byUser.get() : byAddress.get());
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** How long this address must wait, for sign-ins that name no username (an identity provider's callback). */
    public Optional<Duration> retryAfter(String address) {
        return blockedFor("addr:" + address, maxPerAddress, clock.instant());
    }

    public void recordFailure(String address, String username) {
        Instant now = pruneIfLarge();
        record("user:" + username, now);
        record("addr:" + address, now);
    }

    /** A refused sign-in that named no username counts against its address only. */
    public void recordFailure(String address) {
        record("addr:" + address, pruneIfLarge());
    }

    private Instant pruneIfLarge() {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_THRESHOLD) {
            failures.values().forEach(times -> prune(times, now));
            failures.values().removeIf(Deque::isEmpty);
        }
        return now;
    }

    /** A correct password clears the username's count; the address keeps its own. */
    public void recordSuccess(String username) {
        failures.remove("user:" + username);
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private Optional<Duration> blockedFor(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            Instant oldestCounted = times.stream().skip(times.size() - max).findFirst().orElseThrow();
            return Optional.of(Duration.between(now, oldestCounted.plus(window)));
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
        }
    }
}
