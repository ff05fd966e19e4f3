package io.rapport.security.apikey;

/** A new key, shown this once: only its hash is kept, so it cannot be shown again. */
public record IssuedApiKey(String key, ApiKeyView apiKey) {

    /** Keeps the key out of any log line that prints the response. */
    @Override
    public String toString() {
        return "IssuedApiKey[apiKey=" + apiKey + "]";
    }
}
