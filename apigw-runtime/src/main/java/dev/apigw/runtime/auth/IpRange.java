package dev.apigw.runtime.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block of an {@code IpAddress}/{@code NotIpAddress} condition on {@code
 * aws:SourceIp} (reference 8.8); a bare address stands for {@code /32} or {@code /128}. Addresses
 * are parsed as literals only: nothing here ever asks DNS.
 */
final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a bare address; empty if invalid. */
    static Optional<IpRange> parse(String cidr) {
        int slash = cidr.indexOf('/');
        Optional<byte[]> address = address(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = cidr.substring(slash + 1);
            if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
        }
        return Optional.of(new IpRange(address.get(), prefix));
    }

    /** Tells whether the address literal {@code ip} lies in this block (false if not an IP). */
    boolean contains(String ip) {
        Optional<byte[]> address = address(ip);
        if (address.isEmpty() || address.get().length != network.length) {
            return false;
        }
        byte[] bytes = address.get();
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 literal gives 4 bytes). */
    static Optional<byte[]> address(String literal) {
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
