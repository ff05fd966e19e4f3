package io.rapport.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new sign-in account. {@code therapistId} is the EHR's id of the therapist whose pairs the account sees;
 * required for the therapist role, created bare when unknown.
 */
public record AccountRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "must be 3 to 64 letters, digits or . _ @ -") String username,
        @NotNull @Size(min = AccountRequest.MIN_PASSWORD, max = AccountRequest.MAX_PASSWORD, message = "must be 12 to 72 characters long") String password,
        @NotNull @Pattern(regexp = "therapist|admin", message = "must be therapist or admin") String role,
        @Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9._~:@|-]*", message = "may contain only letters, digits and . _ ~ : @ | -") String therapistId) {

    public static final int MIN_PASSWORD = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
    public static final int MAX_PASSWORD = 72;

    /** Keeps the password out of any log line that prints the request. */
    @Override
    public String toString() {
        return "AccountRequest[username=" + username + ", role=" + role + ", therapistId=" + therapistId + "]";
    }
}
