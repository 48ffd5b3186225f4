package io.platformsim.identity.cert;

/**
 * A credential issued by a {@link CertificateAuthority}: an X.509 certificate or a token.
 *
 * @param subject who it identifies, e.g. {@code CN=zebra-1} or a service account
 * @param serial issue number at its authority, from 1
 * @param requestedAtMillis when it was asked for
 * @param issuedAtMillis when the authority issued it (&gt;= the request; later when queued)
 * @param renewAtMillis when its holder should ask for the next one
 * @param expiresAtMillis end of validity
 */
public record Certificate(
    String subject,
    long serial,
    long requestedAtMillis,
    long issuedAtMillis,
    long renewAtMillis,
    long expiresAtMillis) {

  /** Time spent waiting in the authority's queue. */
  public long queueingDelayMillis() {
    return issuedAtMillis - requestedAtMillis;
  }

  /** Whether it is valid at {@code atMillis}: issued and not expired. */
  public boolean validAt(long atMillis) {
    return atMillis >= issuedAtMillis && atMillis < expiresAtMillis;
  }

  @Override
  public String toString() {
    return "Certificate["
        + subject
        + " #"
        + serial
        + ", issued "
        + issuedAtMillis
        + " ms (waited "
        + queueingDelayMillis()
        + "), renew "
        + renewAtMillis
        + ", expires "
        + expiresAtMillis
        + "]";
  }
}
