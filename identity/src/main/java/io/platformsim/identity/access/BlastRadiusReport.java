package io.platformsim.identity.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Blast radius figures of an {@link AccessGraph}: for each principal and each host the number of
 * distinct services whose resources an attacker holding it can reach, with mean and max.
 *
 * @param byPrincipal principal name → blast radius, in declaration order
 * @param byHost host → blast radius of all credentials present on it, in order
 * @param meanOverPrincipals mean over principals (0 if none)
 * @param maxOverPrincipals max over principals (0 if none)
 * @param meanOverHosts mean over hosts (0 if none)
 * @param maxOverHosts max over hosts (0 if none)
 */
public record BlastRadiusReport(
    Map<String, Integer> byPrincipal,
    Map<String, Integer> byHost,
    double meanOverPrincipals,
    int maxOverPrincipals,
    double meanOverHosts,
    int maxOverHosts) {

  /** Copies the maps, keeping their order. */
  public BlastRadiusReport {
    byPrincipal = Collections.unmodifiableMap(new LinkedHashMap<>(byPrincipal));
    byHost = Collections.unmodifiableMap(new LinkedHashMap<>(byHost));
  }

  /** A report of the two maps, with mean and max computed. */
  public static BlastRadiusReport of(
      Map<String, Integer> byPrincipal, Map<String, Integer> byHost) {
    return new BlastRadiusReport(
        byPrincipal, byHost, mean(byPrincipal), max(byPrincipal), mean(byHost), max(byHost));
  }

  private static double mean(Map<String, Integer> m) {
    if (m.isEmpty()) {
      return 0;
    }
    long sum = 0;
    for (int v : m.values()) {
      sum += v;
    }
    return (double) sum / m.size();
  }

  private static int max(Map<String, Integer> m) {
    int max = 0;
    for (int v : m.values()) {
      max = Math.max(max, v);
    }
    return max;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "BlastRadiusReport[principals %d: mean %.2f max %d; hosts %d: mean %.2f max %d]",
        byPrincipal.size(),
        meanOverPrincipals,
        maxOverPrincipals,
        byHost.size(),
        meanOverHosts,
        maxOverHosts);
  }
}
