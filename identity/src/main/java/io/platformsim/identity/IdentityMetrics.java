package io.platformsim.identity;

import io.platformsim.identity.access.BlastRadiusReport;
import io.platformsim.identity.cert.IssuanceStats;
import io.platformsim.identity.ipam.AddressCounts;

/**
 * The identity figures a platform reports, the same shape for LeSP and KuSP so they compare
 * directly: addresses used/reserved/free with exhaustion events, certificates issued (total, peak
 * per minute) with the authority's queueing delay, how many identities exist, and blast radius.
 *
 * @param addresses address counts and refusals
 * @param certificates the certificate authority's counters
 * @param tokens the token issuer's counters (KuSP service-account tokens), or null where there are
 *     none (LeSP)
 * @param principals distinct roles (machine roles; node and service-account roles)
 * @param credentialHolders identities holding a certificate now (machines, or pods)
 * @param blastRadius blast radius over principals and over hosts
 */
public record IdentityMetrics(
    AddressCounts addresses,
    IssuanceStats certificates,
    IssuanceStats tokens,
    int principals,
    int credentialHolders,
    BlastRadiusReport blastRadius) {

  /** Checks the required parts. */
  public IdentityMetrics {
    if (addresses == null || certificates == null || blastRadius == null) {
      throw new IllegalArgumentException(
          "addresses, certificates and blastRadius must not be null");
    }
  }

  @Override
  public String toString() {
    return "IdentityMetrics[\n  addresses    "
        + addresses
        + "\n  certificates "
        + certificates
        + (tokens == null ? "" : "\n  tokens       " + tokens)
        + "\n  principals "
        + principals
        + ", credential holders "
        + credentialHolders
        + "\n  blast radius "
        + blastRadius
        + "\n]";
  }
}
