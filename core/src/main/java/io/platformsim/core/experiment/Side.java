package io.platformsim.core.experiment;

/** The two platforms a comparison runs. */
public enum Side {
  /** The legacy machine-based platform, {@code io.platformsim.core.lesp}. */
  LESP("LeSP"),
  /** The Kubernetes platform, {@code io.platformsim.core.kusp}. */
  KUSP("KuSP");

  private final String label;

  Side(String label) {
    this.label = label;
  }

  /** The platform's name in reports. */
  public String label() {
    return label;
  }
}
