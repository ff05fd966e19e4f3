package io.rapport.common.outbound;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches URLs that an organization's admin chose (a webhook endpoint, a SMART client's JWKS) without letting them
 * reach Rapport's own network: one policy for the whole installation, kept by the webhook room, which had it first.
 */
public interface OutboundHttp {

    /**
     * Checks the URL against the installation's policy (http or https, a public address unless private ones are
     * allowed, no credentials).
     *
     * @throws io.rapport.common.error.ApiException
     *         422 naming {@code field}
     */
    URI check(String field, String url);

    /** Whether the policy lets URLs reach loopback and private addresses (tests, closed networks). */
    boolean allowsPrivateAddresses();

    /**
     * GETs the URL after {@link #check}, connecting to the address the check approved (so a DNS answer that changes
     * in between cannot redirect it), following no redirects.
     *
     * @return the body of a 2xx answer
     * @throws IOException
     *         no answer, another status, or a body over {@code maxBytes}
     */
    String get(String field, String url, String accept, int maxBytes) throws IOException;
}
