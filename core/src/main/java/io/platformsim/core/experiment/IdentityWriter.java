package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespIdentity;

/**
 * Writes the {@code identity} section as {@link IdentityReader} reads it: the one {@code
 * authorityCapacity} both platforms ask. A file names one authority, so when the two platforms'
 * capacities differ nothing is written (both read back as their defaults, unlimited). Not
 * expressible (no key in the reader): LeSP's network, certificates, renewal and role resources;
 * KuSP's addressing, token capacity, certificates, identity mode, role resources and renewal.
 */
final class IdentityWriter {

  private IdentityWriter() {}

  /** The {@code identity} section of the two platforms' identities. */
  static void write(YamlLines y, LespIdentity lesp, KuspIdentity kusp) {
    if (lesp.authorityCapacityPerSecond() != kusp.authorityCapacityPerSecond()) {
      return;
    }
    y.open("identity");
    y.field("authorityCapacity", Integer.toString(kusp.authorityCapacityPerSecond()));
    y.close();
  }
}
