package org.examgate.webhook;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The networks the webhook may be called from. The client address is the TCP peer. Only when the
 * peer is a trusted reverse proxy is {@code X-Forwarded-For} read, from the right, skipping further
 * trusted proxies: each proxy appends the address it saw, so everything left of the first
 * untrusted hop may have been written by the caller. Spring Boot's own forwarded-header handling
 * stays off ({@code server.forward-headers-strategy: none}), so the peer really is the TCP peer.
 */
@Component
class SourceNetworks {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Logger log = LoggerFactory.getLogger(SourceNetworks.class);
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern PORT = Pattern.compile("(:\\d{1,5})?");

    private final List<IpAddressMatcher> allowed;
    private final List<IpAddressMatcher> trustedProxies;

    @Autowired
    SourceNetworks(WebhookProperties properties) {
        this(properties.allowedNetworks(), properties.trustedProxies());
    }

    SourceNetworks(List<String> allowedNetworks, List<String> trustedProxies) {
        this.allowed = matchers("examgate.webhook.allowed-networks", allowedNetworks);
        this.trustedProxies = matchers("examgate.webhook.trusted-proxies", trustedProxies);
    }

    /** Whether the request may go on to the credential check; a refusal is logged with the address. */
    boolean admits(HttpServletRequest request) {
        if (allowed.isEmpty()) {
            return true;
        }
        String peer = request.getRemoteAddr();
        String address = clientAddress(peer, Collections.list(request.getHeaders(FORWARDED_FOR)));
        if (allows(address)) {
            return true;
        }
        log.warn("Webhook call from {} refused: outside examgate.webhook.allowed-networks (TCP peer {})",
                printable(address), printable(peer));
        return false;
    }

    /**
     * The address the request came from: the peer, or, behind trusted proxies, the right-most
     * {@code X-Forwarded-For} hop that is not itself a trusted proxy (the left-most if all are).
     *
     * @param forwardedFor the header's values in the order received; one value may list several hops
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        if (!matchesAny(trustedProxies, peer)) {
            return normalized(peer);
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        if (hops.isEmpty()) {
            return normalized(peer);
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!matchesAny(trustedProxies, hops.get(i))) {
                return normalized(hops.get(i));
            }
        }
        return normalized(hops.get(0));
    }

    /** Whether an address is in the allow-list; anything that is not an IP address is not. */
    boolean allows(String address) {
        return allowed.isEmpty() || matchesAny(allowed, address);
    }

    private static boolean matchesAny(List<IpAddressMatcher> matchers, String address) {
        String literal = literal(address);
        if (literal == null) {
            return false;
        }
        for (IpAddressMatcher matcher : matchers) {
            try {
                if (matcher.matches(literal)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private static String normalized(String address) {
        String literal = literal(address);
        return literal != null ? literal : address;
    }

    /**
     * The bare IP address in a hop ({@code [2001:db8::1]:443} and {@code 192.0.2.1:8080} lose their port,
     * IPv6 its zone), or null if it is not one. Only literals reach {@link IpAddressMatcher}, which
     * would otherwise look some strings up in DNS.
     */
    static String literal(String hop) {
        if (hop == null) {
            return null;
        }
        String value = hop.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0 || !PORT.matcher(value.substring(end + 1)).matches()) {
                return null;
            }
            value = value.substring(1, end);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.indexOf('.') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        if (IPV4.matcher(value).matches() || (value.indexOf(':') >= 0 && IPV6.matcher(value).matches())) {
            return value;
        }
        return null;
    }

    private static List<IpAddressMatcher> matchers(String setting, List<String> ranges) {
        return ranges.stream()
                .map(String::strip)
                .filter(range -> !range.isEmpty())
                .map(range -> matcher(setting, range))
                .toList();
    }

    private static IpAddressMatcher matcher(String setting, String range) {
        int slash = range.indexOf('/');
        String address = slash < 0 ? range : range.substring(0, slash);
        boolean plausible = address.equals(literal(address))
                && (slash < 0 || range.substring(slash + 1).matches("\\d{1,3}"));
        try {
            if (plausible) {
                return new IpAddressMatcher(range);
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the setting's name
        }
        throw new IllegalArgumentException(setting + ": '" + range
                + "' is not an IP address or CIDR range such as 10.0.0.0/8 or 2001:db8::/32");
    }

    /** Addresses from headers are the caller's text: logged without control characters, and short. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "...";
    }
}
