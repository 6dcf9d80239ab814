package io.skillbridge.connector.http;

import okhttp3.HttpUrl;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts a connector may call. Connector URLs come from config files and, through next links, from vendor
 * responses, so without this check a connector could be pointed at the hub's own network (cloud metadata on
 * 169.254.169.254, an admin port on localhost, a database on 10.x): such hosts are refused unless an operator allows
 * them explicitly.
 */
public final class HostPolicy {

    private final boolean allowPrivateNetworks;
    private final Set<String> allowedHosts;

    /**
     * @param allowPrivateNetworks {@code skillbridge.http.allow-private-networks}: allow every private address
     * @param allowedHosts         {@code skillbridge.http.allowed-hosts}: host names allowed although they resolve to
     *                             a private address (compared without case)
     */
    public HostPolicy(boolean allowPrivateNetworks, Set<String> allowedHosts) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Allows private networks: for tests against a local mock server, never for production. */
    public static HostPolicy permissive() {
        return new HostPolicy(true, Set.of());
    }

    /**
     * Refuses a URL that is not http(s) or whose host resolves to a loopback, link-local, any-local or site-local
     * (including IPv6 unique-local) address.
     *
     * @throws HostRefusedException naming the host and how to allow it
     * @throws UnknownHostException when the host does not resolve
     */
    public void check(String url) throws IOException {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new HostRefusedException("Refused URL " + schemeOf(url) + ": only http and https URLs are allowed");
        }
        if (isExempt(parsed.host())) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(parsed.host())) {
            checkAddress(parsed.host(), address);
        }
    }

    /**
     * Checks the address a connection actually reached, which catches what {@link #check(String)} cannot see: a
     * redirect to another host, or a name that resolved differently by the time the connection was made.
     */
    void checkConnected(String host, InetAddress address) throws HostRefusedException {
        if (!isExempt(host)) {
            checkAddress(host, address);
        }
    }

    private boolean isExempt(String host) {
        return allowPrivateNetworks || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static void checkAddress(String host, InetAddress address) throws HostRefusedException {
        if (isPrivate(address)) {
            throw new HostRefusedException("Refused host " + host + ": it resolves to the private address "
                    + address.getHostAddress() + ". To allow it, add it to skillbridge.http.allowed-hosts, or set "
                    + "skillbridge.http.allow-private-networks=true");
        }
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isSiteLocalAddress()
                // Java knows only the deprecated fec0::/10 as IPv6 site-local; fc00::/7 is what networks use today.
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
    }

    private static String schemeOf(String url) {
        if (url == null) {
            return "(none)";
        }
        int colon = url.indexOf(':');
        // Only the scheme: the rest of a refused URL may carry credentials.
        return colon > 0 ? "with scheme '" + url.substring(0, colon) + "'" : "without a scheme";
    }

    /** A URL the policy refuses: retrying cannot help, so it fails the run at once. */
    public static final class HostRefusedException extends IOException {
        HostRefusedException(String message) {
            super(message);
        }
    }
}
