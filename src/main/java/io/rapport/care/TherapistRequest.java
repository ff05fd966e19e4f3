package io.rapport.care;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/therapists/{externalId}}; absent fields are cleared, as PUT replaces, except
 * {@code tags}: absent, they stay as they are, so an EHR that knows nothing of programs does not erase them.
 */
public record TherapistRequest(@Size(max = 200) String displayName, @Email @Size(max = 320) String email,
        Boolean active,
        @Size(max = TherapistRequest.MAX_TAGS) List<@NotNull @Pattern(regexp = TherapistRequest.TAG, message = "must be 1 to 64 letters, digits, '-', '_' or '.'") String> tags) {

    static final int MAX_TAGS = 20;
    /** A program tag: a short label, safe in a URL path. */
    public static final String TAG = "[A-Za-z0-9._-]{1,64}";

    public TherapistRequest(String displayName, String email, Boolean active) {
        this(displayName, email, active, null);
    }
}
