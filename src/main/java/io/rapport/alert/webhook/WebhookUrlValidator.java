package io.rapport.alert.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import io.rapport.common.error.ApiException;

/**
 * Keeps webhook URLs from pointing into Rapport's own network (SSRF): only http and https, and no host that
 * resolves to a loopback, private, link-local (cloud metadata) or otherwise non-public address unless the
 * installation allows it. Runs when an endpoint is created and again before every attempt, because DNS may
 * change in between; the attempt then connects to the address this check approved ({@link Target}), never to
 * one a second lookup returns.
 */
public final class WebhookUrlValidator {

    public static final String FIELD = "url";
    public static final int MAX_LENGTH = 2048;

    /** Name resolution, replaceable so that tests need no DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public WebhookUrlValidator(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, InetAddress::getAllByName);
    }

    public WebhookUrlValidator(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** A checked URL with the address it resolved to, which is the one to connect to. */
    public record Target(URI uri, InetAddress address) {
    }

    /** @throws ApiException 422 naming {@code url} */
    public URI check(String url) {
        return target(url).uri();
    }

    /** Checks the URL and returns it with the first address its host resolved to. */
    public Target target(String url) {
        return target(url, FIELD);
    }

    /** Like {@link #target(String)}, naming {@code field} in the 422. */
    public Target target(String url, String field) {
        if (url == null || url.isBlank()) {
            throw refuse(field, "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw refuse(field, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refuse(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refuse(field, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refuse(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse(field, "must not contain credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw refuse(field, "names a host that does not resolve");
        }
        if (addresses.length == 0) {
            throw refuse(field, "names a host that does not resolve");
        }
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw refuse(field, "resolves to a loopback, private or link-local address, which is not allowed");
                }
            }
        }
        return new Target(uri, addresses[0]);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc || v6.isIPv4CompatibleAddress()) {
                return false;
            }
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that must be public too.
            if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicIpv4(new byte[] { b[12], b[13], b[14], b[15] });
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isPublicIpv4(new byte[] { b[2], b[3], b[4], b[5] });
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 // this network
                || first == 10
                || first == 127
                || first == 100 && (second & 0xc0) == 64 // carrier-grade NAT
                || first == 169 && second == 254 // link-local, cloud metadata
                || first == 172 && (second & 0xf0) == 16
                || first == 192 && second == 168
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || first == 198 && (second & 0xfe) == 18 // benchmarking
                || first >= 224); // multicast, reserved, broadcast
    }

    private static ApiException refuse(String field, String message) {
        return ApiException.unprocessable(field, message);
    }
}
