package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the optional {@code identity} section of a scenario file: {@code authorityCapacity}, the
 * certificates per second of the one certificate authority both platforms ask (LeSP once per
 * machine, KuSP once per pod; 0 = unlimited). Absent, each platform keeps its configuration's
 * default identity (an unlimited authority).
 */
final class IdentityReader {

  private static final List<String> IDENTITY = List.of("authorityCapacity");

  /** The identity models' own bound on an authority's rate (LespIdentity, KuspIdentity). */
  private static final int MAX_AUTHORITY_CAPACITY = 1_000_000;

  private final OptionalInt authorityCapacity;

  private IdentityReader(OptionalInt authorityCapacity) {
    this.authorityCapacity = authorityCapacity;
  }

  /** Reads {@code identity} of the top-level mapping {@code top}, if present. */
  static IdentityReader read(YamlMapping top) {
    Optional<YamlMapping> section = top.mapping("identity");
    if (section.isEmpty()) {
      return new IdentityReader(OptionalInt.empty());
    }
    YamlMapping m = section.get();
    m.only(IDENTITY);
    return new IdentityReader(
        OptionalInt.of(m.integer("authorityCapacity", 0, MAX_AUTHORITY_CAPACITY, null)));
  }

  /** {@code base} with the file's authority capacity, if it gave one. */
  LespIdentity lesp(LespIdentity base) {
    return authorityCapacity.isPresent()
        ? base.withAuthorityCapacity(authorityCapacity.getAsInt())
        : base;
  }

  /** {@code base} with the file's authority capacity, if it gave one. */
  KuspIdentity kusp(KuspIdentity base) {
    return authorityCapacity.isPresent()
        ? base.withAuthorityCapacity(authorityCapacity.getAsInt())
        : base;
  }
}
