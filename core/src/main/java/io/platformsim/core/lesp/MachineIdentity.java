package io.platformsim.core.lesp;

/**
 * The identity of a LeSP machine, shared by everything that runs on it: one private IP, one
 * cloud role (the service's), one certificate issued to the machine. Identity at machine
 * granularity is what the identity module will compare against per-pod identity.
 *
 * @param ip          private IPv4 address
 * @param role        cloud role (instance profile) the machine assumes
 * @param certificate subject of the machine's certificate
 */
public record MachineIdentity(String ip, String role, String certificate) {

  /** The identity of machine number {@code id} (1-based) named {@code name} serving {@code service}. */
  static MachineIdentity of(int id, String name, String service) {
    // 10.0.0.0/8, one address per machine in launch order: enough for 16 million machines.
    String ip = "10." + ((id >>> 16) & 0xff) + "." + ((id >>> 8) & 0xff) + "." + (id & 0xff);
    return new MachineIdentity(ip, "role/lesp-" + service, "CN=" + name + ".lesp.internal");
  }
}
