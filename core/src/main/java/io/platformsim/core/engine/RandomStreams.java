package io.platformsim.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Named random streams for one replication of one experiment, all derived from one master seed.
 *
 * <p>Each stream's seed is a function of (master seed, replication index, stream name) only — never
 * of which streams exist or the order they were created in — so adding a model component (and its
 * stream) never changes the draws of another, and two platform models that ask for the same stream
 * name see the same numbers (common random numbers). The seed is derived by feeding the master
 * seed, the replication index and a 64-bit FNV-1a hash of the name's UTF-8 bytes through the
 * SplitMix64 finalizer (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), which spreads every input bit over the whole result.
 *
 * <p>Each stream is a Commons Math {@link Well19937c} (period 2¹⁹⁹³⁷ − 1) seeded with 16 words of
 * SplitMix64 output from the derived seed, so it can be handed to any Commons Math distribution.
 * {@link #stream(String)} returns the same generator for the same name, so draws continue where
 * they left off.
 *
 * <p>Not thread-safe; one instance belongs to one replication (one thread). Holds no static mutable
 * state.
 */
public final class RandomStreams {

  // SplitMix64 constants (Steele, Lea & Flood 2014; also java.util.SplittableRandom).
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long MIX_1 = 0xBF58476D1CE4E5B9L;
  private static final long MIX_2 = 0x94D049BB133111EBL;
  // 64-bit FNV-1a (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/).
  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;
  private static final int SEED_WORDS = 16;

  private final long masterSeed;
  private final int replication;
  private final Map<String, RandomGenerator> streams = new LinkedHashMap<>();

  private RandomStreams(long masterSeed, int replication) {
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  /**
   * The streams of replication {@code replication} (0-based) under {@code masterSeed}.
   *
   * @throws IllegalArgumentException if {@code replication} is negative
   */
  public static RandomStreams of(long masterSeed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must not be negative, was " + replication);
    }
    return new RandomStreams(masterSeed, replication);
  }

  /** The master seed these streams derive from. */
  public long masterSeed() {
    return masterSeed;
  }

  /** The 0-based replication index these streams belong to. */
  public int replication() {
    return replication;
  }

  /**
   * The stream called {@code name}: created on first use, the same generator afterwards.
   *
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public RandomGenerator stream(String name) {
    RandomGenerator existing = streams.get(name);
    if (existing != null) {
      return existing;
    }
    RandomGenerator created = new Well19937c(seedWords(seedOf(name)));
    streams.put(name, created);
    return created;
  }

  /**
   * The 64-bit seed of the stream called {@code name}: a pure function of the master seed, the
   * replication and the name.
   *
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public long seedOf(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("stream name must not be blank, was \"" + name + "\"");
    }
    long s = mix(masterSeed);
    s = mix(s + replication);
    return mix(s ^ nameHash(name));
  }

  /** Names of the streams created so far, in creation order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(streams.keySet());
  }

  @Override
  public String toString() {
    return "RandomStreams[masterSeed="
        + masterSeed
        + ", replication="
        + replication
        + ", streams="
        + streams.keySet()
        + "]";
  }

  /** The SplitMix64 step: advance by the golden gamma, then finalize. */
  static long mix(long x) {
    long z = x + GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * MIX_1;
    z = (z ^ (z >>> 27)) * MIX_2;
    return z ^ (z >>> 31);
  }

  /**
   * 64-bit FNV-1a over the UTF-8 bytes: stable across JVMs, unlike {@link String#hashCode()}'s 32
   * bits.
   */
  static long nameHash(String name) {
    long h = FNV_OFFSET;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xFF);
      h *= FNV_PRIME;
    }
    return h;
  }

  private static int[] seedWords(long seed) {
    int[] words = new int[SEED_WORDS];
    long state = seed;
    for (int i = 0; i < SEED_WORDS; i += 2) {
      state += GOLDEN_GAMMA;
      long z = mixOutput(state);
      words[i] = (int) z;
      words[i + 1] = (int) (z >>> 32);
    }
    return words;
  }

  private static long mixOutput(long state) {
    long z = (state ^ (state >>> 30)) * MIX_1;
    z = (z ^ (z >>> 27)) * MIX_2;
    return z ^ (z >>> 31);
  }
}
