package io.platformsim.core.workload;

import java.util.List;

/**
 * A service's container image: a reference and its layers, base layers first. LeSP ignores the
 * layers (a machine runs a base image plus the service's artifact); KuSP pulls them.
 *
 * @param reference image reference, e.g. {@code "zebra:1.4"}; not blank
 * @param layers the layers, base first; may be empty (an image not described in detail)
 */
public record ImageDescription(String reference, List<ImageLayer> layers) {

  /** Validates and copies the layers. */
  public ImageDescription {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException(
          "image reference must not be blank, was '" + reference + "'");
    }
    if (layers == null) {
      throw new IllegalArgumentException("image '" + reference + "' layers must not be null");
    }
    layers = List.copyOf(layers);
  }

  /** An image with the given layers. */
  public static ImageDescription of(String reference, ImageLayer... layers) {
    return new ImageDescription(reference, List.of(layers));
  }

  /** An image known only by name, with no layers described. */
  public static ImageDescription named(String reference) {
    return new ImageDescription(reference, List.of());
  }

  /** The sum of the layer sizes in bytes. */
  public long totalBytes() {
    long total = 0;
    for (ImageLayer layer : layers) {
      total = Math.addExact(total, layer.sizeBytes());
    }
    return total;
  }

  @Override
  public String toString() {
    return reference + " (" + layers.size() + " layers, " + totalBytes() + " B)";
  }
}
