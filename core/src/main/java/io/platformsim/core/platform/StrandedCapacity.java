package io.platformsim.core.platform;

/**
 * Billed capacity no service can use, as fractions in [0, 1] of what was billed over the run. Each
 * platform defines it by its own packing rule (see its {@link Platform#stranded()}).
 *
 * @param cpu stranded CPU
 * @param memory stranded memory
 */
public record StrandedCapacity(double cpu, double memory) {

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "stranded CPU %.3f, memory %.3f", cpu, memory);
  }
}
