/**
 * Certificates and tokens: {@link io.platformsim.identity.cert.RotationPolicy} (a TTL and the
 * fraction of it after which a holder renews), the {@link
 * io.platformsim.identity.cert.CertificateAuthority} with an issuance capacity per second and a
 * FIFO queue, modelled analytically so a simulator can call it as requests occur, and the resulting
 * {@link io.platformsim.identity.cert.Certificate} and {@link
 * io.platformsim.identity.cert.IssuanceStats}.
 *
 * <p>Time is a plain {@code long} millisecond parameter; there is no clock here. Depends on the JDK
 * only; must not depend on the other identity sub-packages, on {@code io.platformsim.core} or on
 * the scheduler.
 */
package io.platformsim.identity.cert;
