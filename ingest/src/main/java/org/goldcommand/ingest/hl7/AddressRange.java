package org.goldcommand.ingest.hl7;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One entry of a sender's address allow-list: a literal IPv4 or IPv6 address, optionally with a
 * CIDR prefix ({@code 10.20.0.0/16}). MSH-4 is whatever the sender writes in it, so a trust whose
 * network is known can also be pinned to where it connects from.
 */
final class AddressRange {

  private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final String text;
  private final byte[] network;
  private final int prefix;

  private AddressRange(String text, byte[] network, int prefix) {
    this.text = text;
    this.network = network;
    this.prefix = prefix;
  }

  /** Parses {@code address} or {@code address/prefix}; host names are refused (no DNS lookups). */
  static AddressRange parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
    }
    byte[] network;
    try {
      network = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range", e);
    }
    int prefix = network.length * 8;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' has an invalid prefix length", e);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
      }
    }
    return new AddressRange(text.trim(), network, prefix);
  }

  /** Whether the address lies in this range (an IPv4 address never matches an IPv6 range). */
  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (candidate[whole] & mask) == (network[whole] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
