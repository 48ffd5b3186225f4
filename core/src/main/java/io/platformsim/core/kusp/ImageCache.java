package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's container image layer store: which layers (by digest) are on the node's image
 * filesystem, how many running containers use each, and when each was last used.
 *
 * <p>A layer shared by two images or two versions is stored once, so pulling an image costs only
 * its {@linkplain #missingBytes missing bytes}. Garbage collection follows the kubelet's image GC
 * policy (k/k {@code pkg/kubelet/apis/config/v1beta1/defaults.go}, v1.31:
 * {@code imageGCHighThresholdPercent} 85, {@code imageGCLowThresholdPercent} 80,
 * {@code imageMinimumGCAge} 2 min; policy in {@code pkg/kubelet/images/image_gc_manager.go}): when
 * disk usage exceeds the high threshold, unused content is removed least recently used first
 * until usage is at or below the low threshold. Upstream removes whole images; this cache removes
 * unused layers in LRU order, which frees the same bytes when images do not share layers and
 * never removes a layer another cached image still needs less recently.
 *
 * <p>Not thread-safe; owned by one node of one simulation.
 */
public final class ImageCache {
  /** Upstream default high threshold, percent of the image filesystem. */
  public static final int HIGH_THRESHOLD_PERCENT = 85;
  /** Upstream default low threshold, percent of the image filesystem. */
  public static final int LOW_THRESHOLD_PERCENT = 80;
  /** Upstream default minimum age of unused content before GC may remove it (2 min). */
  public static final long MINIMUM_GC_AGE_MILLIS = 120_000;

  private static final class Entry {
    final long size;
    long lastUsed;
    long addedAt;
    int users;

    Entry(long size, long now) {
      this.size = size;
      this.lastUsed = now;
      this.addedAt = now;
    }
  }

  private final long diskBytes;
  private final Map<String, Entry> layers = new LinkedHashMap<>();
  private long usedBytes;
  private long freedBytes;

  /**
   * An empty cache on an image filesystem of {@code diskBytes}.
   *
   * @throws IllegalArgumentException if {@code diskBytes} is not positive
   */
  public ImageCache(long diskBytes) {
    if (diskBytes <= 0) {
      throw new IllegalArgumentException("image filesystem diskBytes must be > 0, was " + diskBytes);
    }
    this.diskBytes = diskBytes;
  }

  /** Size of the image filesystem. */
  public long diskBytes() {
    return diskBytes;
  }

  /** Bytes of layers stored. */
  public long usedBytes() {
    return usedBytes;
  }

  /** Bytes removed by garbage collection so far. */
  public long freedBytes() {
    return freedBytes;
  }

  /** Number of layers stored. */
  public int layerCount() {
    return layers.size();
  }

  /** Whether the layer with {@code digest} is stored. */
  public boolean hasLayer(String digest) {
    return layers.containsKey(digest);
  }

  /** Whether every layer of {@code image} is stored. */
  public boolean contains(ImageDescription image) {
    return missingBytes(image) == 0 && image.layers().stream().allMatch(l -> layers.containsKey(l.digest()));
  }

  /** Bytes of {@code image}'s layers not stored here (a layer listed twice counts once). */
  public long missingBytes(ImageDescription image) {
    long missing = 0;
    List<String> seen = new ArrayList<>(image.layers().size());
    for (ImageLayer l : image.layers()) {
      if (!layers.containsKey(l.digest()) && !seen.contains(l.digest())) {
        missing += l.sizeBytes();
        seen.add(l.digest());
      }
    }
    return missing;
  }

  /** Stores {@code image}'s missing layers and marks all its layers used at {@code now}. */
  public void store(ImageDescription image, long now) {
    for (ImageLayer l : image.layers()) {
      Entry e = layers.get(l.digest());
      if (e == null) {
        layers.put(l.digest(), new Entry(l.sizeBytes(), now));
        usedBytes += l.sizeBytes();
      } else {
        e.lastUsed = Math.max(e.lastUsed, now);
      }
    }
  }

  /** A container using {@code image} started at {@code now}: its layers may not be collected. */
  public void acquire(ImageDescription image, long now) {
    for (ImageLayer l : image.layers()) {
      Entry e = layers.get(l.digest());
      if (e != null) {
        e.users++;
        e.lastUsed = Math.max(e.lastUsed, now);
      }
    }
  }

  /** A container using {@code image} stopped at {@code now}. */
  public void release(ImageDescription image, long now) {
    for (ImageLayer l : image.layers()) {
      Entry e = layers.get(l.digest());
      if (e != null && e.users > 0) {
        e.users--;
        e.lastUsed = Math.max(e.lastUsed, now);
      }
    }
  }

  /** Disk usage in percent (integer, rounded down as the kubelet's {@code usagePercent}). */
  public int usagePercent() {
    return (int) (usedBytes * 100 / diskBytes);
  }

  /**
   * Runs image garbage collection at {@code now}: if usage is above
   * {@link #HIGH_THRESHOLD_PERCENT}, removes unused layers older than
   * {@link #MINIMUM_GC_AGE_MILLIS}, least recently used first, until usage is at or below
   * {@link #LOW_THRESHOLD_PERCENT}.
   *
   * @return bytes freed
   */
  public long collectGarbage(long now) {
    if (usagePercent() <= HIGH_THRESHOLD_PERCENT) {
      return 0;
    }
    // amountToFree = usage − low threshold (image_gc_manager.go: capacity * low / 100).
    long target = diskBytes * LOW_THRESHOLD_PERCENT / 100;
    List<Map.Entry<String, Entry>> candidates = new ArrayList<>();
    for (Map.Entry<String, Entry> e : layers.entrySet()) {
      if (e.getValue().users == 0 && now - e.getValue().addedAt >= MINIMUM_GC_AGE_MILLIS) {
        candidates.add(e);
      }
    }
    // Least recently used first; insertion order breaks ties, so the result is deterministic.
    candidates.sort((a, b) -> Long.compare(a.getValue().lastUsed, b.getValue().lastUsed));
    long freed = 0;
    Iterator<Map.Entry<String, Entry>> it = candidates.iterator();
    while (usedBytes > target && it.hasNext()) {
      Map.Entry<String, Entry> e = it.next();
      layers.remove(e.getKey());
      usedBytes -= e.getValue().size;
      freed += e.getValue().size;
    }
    freedBytes += freed;
    return freed;
  }

  @Override
  public String toString() {
    return "ImageCache[" + layers.size() + " layers, " + usedBytes + " of " + diskBytes + " B ("
        + usagePercent() + "%)]";
  }
}
