package io.platformsim.core.workload;

/**
 * One layer of a container image: its content digest and compressed size. Two images that share a
 * layer digest share its bytes (a node that has the layer need not pull it again).
 *
 * @param digest content digest, e.g. {@code "sha256:base-os-1"}; not blank
 * @param sizeBytes compressed size in bytes, at least 0
 */
public record ImageLayer(String digest, long sizeBytes) {

  /** Validates the digest and size. */
  public ImageLayer {
    if (digest == null || digest.isBlank()) {
      throw new IllegalArgumentException("layer digest must not be blank, was '" + digest + "'");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException(
          "layer '" + digest + "' sizeBytes must be >= 0, was " + sizeBytes);
    }
  }

  @Override
  public String toString() {
    return digest + " (" + sizeBytes + " B)";
  }
}
