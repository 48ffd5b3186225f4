package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * One node's container image layer store: which layers (by digest) are on the node's image
 * filesystem, how many running containers use each, and when each was last used.
 *
 * <p>A layer shared by two images or two versions is stored once, so pulling an image costs only
 * its {@linkplain #missingBytes missing bytes}. Garbage collection follows the kubelet's image GC
 * policy (k/k {@code pkg/kubelet/apis/config/v1beta1/defaults.go}, v1.31: {@code
 * imageGCHighThresholdPercent} 85, {@code imageGCLowThresholdPercent} 80, {@code imageMinimumGCAge}
 * 2 min; policy in {@code pkg/kubelet/images/image_gc_manager.go}): when disk usage exceeds the
 * high threshold, unused content is removed least recently used first until usage is at or below
 * the low threshold. Upstream removes whole images; this cache removes unused layers in LRU order,
 * which frees the same bytes when images do not share layers and never removes a layer another
 * cached image still needs less recently.
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

  // Layers as columns in insertion order (a removed layer's successors move up, so the order is
  // kept, and a layer stored again goes last, as in an insertion-ordered map): per layer the
  // image's ImageLayer (digest and size, shared with the image), two times and an int, plus, past
  // LINEAR_LAYERS, an open-addressing index from digest to position. A map entry and an Entry
  // object per layer were ~90 bytes; this is ~17 (~25 with the index).
  private ImageLayer[] layers = new ImageLayer[4];
  // lastUsed and addedAt of layer i at [2i] and [2i + 1]: ints while every time fits (runs under
  // 24.8 simulated days), widened to longs for good by the first that does not; exact either way
  private int[] timesNarrow = new int[8];
  private long[] timesWide;
  private int[] users = new int[4];
  private int count;
  // position + 1 of the layer whose digest hashes there, 0 for an empty slot; length a power of
  // two, at most 3/4 full, probed linearly. null while the cache holds at most LINEAR_LAYERS
  // layers, which are then searched in order: a node at scale holds about 16 (a base OS, a
  // runtime and the app layers of two versions of each of its services), and an index for them
  // was 19 of the ~1,000 bytes the simulation keeps per pod.
  private int[] index;
  static final int LINEAR_LAYERS = 32;

  private final long diskBytes;
  private long usedBytes;
  private long freedBytes;

  /**
   * An empty cache on an image filesystem of {@code diskBytes}.
   *
   * @throws IllegalArgumentException if {@code diskBytes} is not positive
   */
  public ImageCache(long diskBytes) {
    if (diskBytes <= 0) {
      throw new IllegalArgumentException(
          "image filesystem diskBytes must be > 0, was " + diskBytes);
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
    return count;
  }

  /** Whether the layer with {@code digest} is stored. */
  public boolean hasLayer(String digest) {
    return find(digest) >= 0;
  }

  /** Whether every layer of {@code image} is stored. */
  public boolean contains(ImageDescription image) {
    return missingBytes(image) == 0 && image.layers().stream().allMatch(l -> find(l.digest()) >= 0);
  }

  /** Bytes of {@code image}'s layers not stored here (a layer listed twice counts once). */
  public long missingBytes(ImageDescription image) {
    long missing = 0;
    List<String> seen = new ArrayList<>(image.layers().size());
    for (ImageLayer l : image.layers()) {
      if (find(l.digest()) < 0 && !seen.contains(l.digest())) {
        missing += l.sizeBytes();
        seen.add(l.digest());
      }
    }
    return missing;
  }

  /** Stores {@code image}'s missing layers and marks all its layers used at {@code now}. */
  public void store(ImageDescription image, long now) {
    for (ImageLayer l : image.layers()) {
      int i = find(l.digest());
      if (i < 0) {
        append(l, now);
        usedBytes += l.sizeBytes();
      } else {
        setTime(2 * i, Math.max(time(2 * i), now));
      }
    }
  }

  /** A container using {@code image} started at {@code now}: its layers may not be collected. */
  public void acquire(ImageDescription image, long now) {
    for (ImageLayer l : image.layers()) {
      int i = find(l.digest());
      if (i >= 0) {
        users[i]++;
        setTime(2 * i, Math.max(time(2 * i), now));
      }
    }
  }

  /** A container using {@code image} stopped at {@code now}. */
  public void release(ImageDescription image, long now) {
    for (ImageLayer l : image.layers()) {
      int i = find(l.digest());
      if (i >= 0 && users[i] > 0) {
        users[i]--;
        setTime(2 * i, Math.max(time(2 * i), now));
      }
    }
  }

  /** Disk usage in percent (integer, rounded down as the kubelet's {@code usagePercent}). */
  public int usagePercent() {
    return (int) (usedBytes * 100 / diskBytes);
  }

  /**
   * Runs image garbage collection at {@code now}: if usage is above {@link
   * #HIGH_THRESHOLD_PERCENT}, removes unused layers older than {@link #MINIMUM_GC_AGE_MILLIS},
   * least recently used first, until usage is at or below {@link #LOW_THRESHOLD_PERCENT}.
   *
   * @return bytes freed
   */
  public long collectGarbage(long now) {
    if (usagePercent() <= HIGH_THRESHOLD_PERCENT) {
      return 0;
    }
    // amountToFree = usage − low threshold (image_gc_manager.go: capacity * low / 100).
    long target = diskBytes * LOW_THRESHOLD_PERCENT / 100;
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (users[i] == 0 && now - time(2 * i + 1) >= MINIMUM_GC_AGE_MILLIS) {
        candidates.add(i);
      }
    }
    // Least recently used first; insertion order breaks ties (List.sort is stable), so the result
    // is deterministic.
    candidates.sort((a, b) -> Long.compare(time(2 * a), time(2 * b)));
    long freed = 0;
    boolean[] removed = new boolean[count];
    Iterator<Integer> it = candidates.iterator();
    while (usedBytes > target && it.hasNext()) {
      int i = it.next();
      removed[i] = true;
      usedBytes -= layers[i].sizeBytes();
      freed += layers[i].sizeBytes();
    }
    if (freed > 0) {
      compact(removed);
    }
    freedBytes += freed;
    return freed;
  }

  private long time(int k) {
    return timesWide != null ? timesWide[k] : timesNarrow[k];
  }

  private void setTime(int k, long t) {
    if (timesWide == null && (int) t != t) {
      timesWide = new long[timesNarrow.length];
      for (int i = 0; i < timesNarrow.length; i++) {
        timesWide[i] = timesNarrow[i];
      }
      timesNarrow = null;
    }
    if (timesWide != null) {
      timesWide[k] = t;
    } else {
      timesNarrow[k] = (int) t;
    }
  }

  private int find(String digest) {
    if (index == null) {
      int h = digest.hashCode();
      for (int i = 0; i < count; i++) {
        String d = layers[i].digest();
        if (d == digest || d.hashCode() == h && d.equals(digest)) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int s = mix(digest.hashCode()) & mask; ; s = (s + 1) & mask) {
      int at = index[s];
      if (at == 0) {
        return -1;
      }
      if (layers[at - 1].digest().equals(digest)) {
        return at - 1;
      }
    }
  }

  private void append(ImageLayer layer, long now) {
    if (count == layers.length) {
      int n = count + Math.max(4, count >> 2);
      layers = Arrays.copyOf(layers, n);
      if (timesWide != null) {
        timesWide = Arrays.copyOf(timesWide, 2 * n);
      } else {
        timesNarrow = Arrays.copyOf(timesNarrow, 2 * n);
      }
      users = Arrays.copyOf(users, n);
    }
    int i = count++;
    layers[i] = layer;
    setTime(2 * i, now);
    setTime(2 * i + 1, now);
    users[i] = 0;
    if (index == null) {
      if (count > LINEAR_LAYERS) {
        reindex(Integer.highestOneBit(4 * count / 3) * 2);
      }
    } else if (4 * count > 3 * index.length) {
      reindex(index.length * 2);
    } else {
      insert(i);
    }
  }

  // Drops the removed layers, keeping the others in order, and rebuilds the index.
  private void compact(boolean[] removed) {
    int j = 0;
    for (int i = 0; i < count; i++) {
      if (!removed[i]) {
        layers[j] = layers[i];
        setTime(2 * j, time(2 * i));
        setTime(2 * j + 1, time(2 * i + 1));
        users[j] = users[i];
        j++;
      }
    }
    Arrays.fill(layers, j, count, null);
    count = j;
    if (count <= LINEAR_LAYERS) {
      index = null;
    } else if (index != null) {
      reindex(index.length);
    }
  }

  private void reindex(int capacity) {
    index = new int[capacity];
    for (int i = 0; i < count; i++) {
      insert(i);
    }
  }

  private void insert(int position) {
    int mask = index.length - 1;
    int s = mix(layers[position].digest().hashCode()) & mask;
    while (index[s] != 0) {
      s = (s + 1) & mask;
    }
    index[s] = position + 1;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  @Override
  public String toString() {
    return "ImageCache["
        + count
        + " layers, "
        + usedBytes
        + " of "
        + diskBytes
        + " B ("
        + usagePercent()
        + "%)]";
  }
}
