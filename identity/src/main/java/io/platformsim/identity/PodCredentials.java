package io.platformsim.identity;

import io.platformsim.identity.cert.Certificate;
import io.platformsim.identity.ipam.Allocation;

/**
 * What a starting pod got from {@link ClusterIdentity#podStarting}: its address, and, if it got
 * one, its certificate and service-account token. The pod can start serving at {@link
 * #readyAtMillis()}, the later of the two issue times (later than the request when an issuer is
 * saturated). If the address was refused, there are no credentials: the caller keeps the pod
 * pending and retries after a release, or fails it.
 *
 * @param address the address, or the refusal with its reason
 * @param certificate the pod certificate, or null if the address was refused
 * @param token the service-account token, or null if the address was refused
 * @param readyAtMillis when both credentials are issued, or -1 if the address was refused
 */
public record PodCredentials(
    Allocation address, Certificate certificate, Certificate token, long readyAtMillis) {

  /** Whether the pod got an address (and so its credentials). */
  public boolean isGranted() {
    return address.isGranted();
  }
}
