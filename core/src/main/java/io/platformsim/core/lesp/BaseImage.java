package io.platformsim.core.lesp;

/**
 * A versioned machine base image (an AMI): the OS and runtime a machine boots from. Baking a new
 * one takes minutes (see {@link LespConfig#bake()}); a machine records the image it booted.
 *
 * @param name image family, e.g. {@code "base"}; not blank
 * @param version version within the family; not blank
 */
public record BaseImage(String name, String version) {

  /** Validates the fields. */
  public BaseImage {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("base image name must not be blank, was '" + name + "'");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "base image '" + name + "' version must not be blank, was '" + version + "'");
    }
  }

  /** The same family at another version. */
  public BaseImage withVersion(String newVersion) {
    return new BaseImage(name, newVersion);
  }

  @Override
  public String toString() {
    return name + ":" + version;
  }
}
