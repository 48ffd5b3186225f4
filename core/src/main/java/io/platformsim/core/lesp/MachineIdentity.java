package io.platformsim.core.lesp;

import io.platformsim.identity.cert.Certificate;
import io.platformsim.identity.ipam.AddressPool;
import io.platformsim.identity.ipam.Ipv4;

/**
 * The identity of a LeSP machine, shared by everything that runs on it: one private IP from a
 * subnet, one cloud role (the service's), one certificate issued to the machine. A machine waiting
 * for an address has none yet ({@link #hasAddress()} false, ip {@code "-"}); a machine not yet
 * booted has no certificate ({@code issued} null). Identity at machine granularity is what the
 * identity module compares against per-pod identity.
 *
 * @param ip private IPv4 address, or {@code "-"} while none is assigned
 * @param subnet the subnet it came from, or {@code "-"}
 * @param role cloud role (instance profile) the machine assumes
 * @param certificate subject of the machine's certificate
 * @param issued the certificate currently held, or null before the first is issued
 */
public record MachineIdentity(
    String ip, String subnet, String role, String certificate, Certificate issued) {

  /** A machine's identity before it has an address or a certificate. */
  static MachineIdentity unassigned(String name, String service) {
    return new MachineIdentity(
        "-", "-", "role/lesp-" + service, "CN=" + name + ".lesp.internal", null);
  }

  /** Whether an address is assigned. */
  public boolean hasAddress() {
    return !"-".equals(ip);
  }

  MachineIdentity withAddress(long address, String fromSubnet) {
    return new MachineIdentity(
        address == AddressPool.NONE ? "-" : Ipv4.format(address),
        fromSubnet,
        role,
        certificate,
        issued);
  }

  MachineIdentity withCertificate(Certificate c) {
    return new MachineIdentity(ip, subnet, role, certificate, c);
  }
}
