package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

class SourceNetworkTest {

    private static final List<String> NONE = List.of();

    private final SourceNetworks behindProxies = new SourceNetworks(List.of("203.0.113.0/24", "2001:db8:1::/48"),
            List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutAnAllowListEveryPeerIsAdmitted() {
        SourceNetworks open = new SourceNetworks(NONE, NONE);

        assertThat(open.admits(request("198.51.100.7"))).isTrue();
        assertThat(open.admits(request("::1"))).isTrue();
    }

    @Test
    void aPeerInsideTheAllowListIsAdmittedAndOneOutsideIsNot() {
        SourceNetworks networks = new SourceNetworks(List.of("203.0.113.0/24"), NONE);

        assertThat(networks.admits(request("203.0.113.9"))).isTrue();
        assertThat(networks.admits(request("203.0.114.9"))).isFalse();
        assertThat(networks.admits(request("127.0.0.1"))).isFalse();
    }

    @Test
    void aSingleAddressWithoutAPrefixMatchesOnlyItself() {
        SourceNetworks networks = new SourceNetworks(List.of("192.0.2.10"), NONE);

        assertThat(networks.allows("192.0.2.10")).isTrue();
        assertThat(networks.allows("192.0.2.11")).isFalse();
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnored() {
        SourceNetworks networks = new SourceNetworks(List.of("203.0.113.0/24"), NONE);

        assertThat(networks.clientAddress("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
        assertThat(networks.admits(request("198.51.100.7", "203.0.113.9"))).isFalse();
        assertThat(behindProxies.clientAddress("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("203.0.113.9, 10.1.1.1, 10.2.2.2")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.admits(request("10.0.0.2", "203.0.113.9, 10.1.1.1"))).isTrue();
    }

    @Test
    void aHopTheCallerWroteLeftOfItsRealAddressIsNotBelieved() {
        // The caller sent "X-Forwarded-For: 203.0.113.9"; the proxy appended the address it really saw.
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("203.0.113.9, 198.51.100.7")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.admits(request("10.0.0.2", "203.0.113.9, 198.51.100.7"))).isFalse();
    }

    @Test
    void severalHeaderLinesAreReadAsOneListInOrder() {
        MockHttpServletRequest request = request("10.0.0.2");
        request.addHeader(SourceNetworks.FORWARDED_FOR, "198.51.100.7");
        request.addHeader(SourceNetworks.FORWARDED_FOR, "203.0.113.9");

        assertThat(behindProxies.admits(request)).isTrue();
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("203.0.113.9", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClientItself() {
        assertThat(behindProxies.clientAddress("10.0.0.2", NONE)).isEqualTo("10.0.0.2");
        assertThat(behindProxies.admits(request("10.0.0.2"))).isFalse();
    }

    @Test
    void whenEveryHopIsATrustedProxyTheLeftMostIsTheClient() {
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("10.9.9.9, 10.1.1.1"))).isEqualTo("10.9.9.9");
    }

    @Test
    void aHopThatIsNotAnIpAddressIsNeverAdmitted() {
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("203.0.113.9, unknown"))).isEqualTo("unknown");
        assertThat(behindProxies.admits(request("10.0.0.2", "203.0.113.9, unknown"))).isFalse();
        assertThat(behindProxies.admits(request("10.0.0.2", "203.0.113.9, localhost"))).isFalse();
        assertThat(behindProxies.admits(request("10.0.0.2", "203.0.113.9, 203.0.113.999"))).isFalse();
    }

    @Test
    void portsAndBracketsInHopsAreIgnored() {
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("203.0.113.9:51234"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientAddress("10.0.0.2", List.of("[2001:db8:1::5]:443"))).isEqualTo("2001:db8:1::5");
        assertThat(behindProxies.admits(request("10.0.0.2", "[2001:db8:1::5]:443"))).isTrue();
    }

    @Test
    void ipv6PeersProxiesAndRangesWork() {
        assertThat(behindProxies.admits(request("2001:db8:1:0:0:0:0:7"))).isTrue();
        assertThat(behindProxies.admits(request("2001:db8:2::7"))).isFalse();
        assertThat(behindProxies.admits(request("0:0:0:0:0:0:0:1"))).isFalse();
        assertThat(behindProxies.clientAddress("fd12::1", List.of("2001:db8:1::5, fd34::2")))
                .isEqualTo("2001:db8:1::5");
        assertThat(behindProxies.admits(request("fd12::1", "2001:db8:1::5, fd34::2"))).isTrue();
        assertThat(behindProxies.admits(request("fd12::1", "2001:db8:2::5"))).isFalse();
    }

    @Test
    void anIpv4MappedIpv6PeerMatchesIpv4Ranges() {
        assertThat(behindProxies.admits(request("::ffff:203.0.113.9"))).isTrue();
    }

    @Test
    void aRangeThatIsNotACidrFailsAtStartupNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SourceNetworks(List.of("gateway.example"), NONE))
                .withMessageContaining("examgate.webhook.allowed-networks");
        assertThatIllegalArgumentException().isThrownBy(() -> new SourceNetworks(NONE, List.of("10.0.0.0/33")))
                .withMessageContaining("examgate.webhook.trusted-proxies");
        assertThatIllegalArgumentException().isThrownBy(() -> new SourceNetworks(List.of("300.1.1.1/8"), NONE));
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", WebhookController.PATH);
        request.setRemoteAddr(peer);
        for (String value : forwardedFor) {
            request.addHeader(SourceNetworks.FORWARDED_FOR, value);
        }
        return request;
    }

    /**
     * An application of its own, with an allow-list that excludes the loopback address the tests call
     * from; closed afterwards rather than kept with its database until the test run ends.
     */
    @Nested
    @ExamgateTest
    @TestPropertySource(properties = "examgate.webhook.allowed-networks=10.0.0.0/8")
    @DirtiesContext
    class OverHttp {

        @Autowired
        Http http;

        @Test
        void aLoopbackCallWithGoodCredentialsIsRefusedAsUnauthorizedAndAForgedHeaderDoesNotHelp() {
            Map<String, String> forged = new LinkedHashMap<>(Http.platformHeaders());
            forged.put(SourceNetworks.FORWARDED_FOR, "10.1.2.3");

            Response plain = http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"e\",\"respondent_id\":\"r\"}");
            Response withHeader = http.webhook(forged,
                    "{\"event\":\"result_ready\",\"exam_id\":\"e\",\"respondent_id\":\"r\"}");

            for (Response response : List.of(plain, withHeader)) {
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.body()).isEqualTo("{\"errorMessage\":\"unauthorized\"}");
            }
            assertThat(http.admin("GET", "/api/v1/webhook-clients", null).status())
                    .as("the allow-list guards the webhook only").isEqualTo(200);
        }
    }
}
