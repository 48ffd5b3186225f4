package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The columnar ImageCache behaves as the kubelet policy stated on a plain insertion-ordered map
 * (the model below, written from the class contract: LRU among unused layers at least
 * MINIMUM_GC_AGE old, ties in insertion order, from above 85% down to at most 80%).
 */
class ImageCacheModelProperties {

  /** The contract on a LinkedHashMap: digest → {size, lastUsed, addedAt, users}. */
  private static final class Model {
    final long disk;
    final Map<String, long[]> layers = new LinkedHashMap<>();
    long used;

    Model(long disk) {
      this.disk = disk;
    }

    void store(ImageDescription img, long now) {
      for (ImageLayer l : img.layers()) {
        long[] e = layers.get(l.digest());
        if (e == null) {
          layers.put(l.digest(), new long[] {l.sizeBytes(), now, now, 0});
          used += l.sizeBytes();
        } else {
          e[1] = Math.max(e[1], now);
        }
      }
    }

    void use(ImageDescription img, long now, int delta) {
      for (ImageLayer l : img.layers()) {
        long[] e = layers.get(l.digest());
        if (e != null && (delta > 0 || e[3] > 0)) {
          e[3] += delta;
          e[1] = Math.max(e[1], now);
        }
      }
    }

    long gc(long now) {
      if (used * 100 / disk <= 85) {
        return 0;
      }
      long target = disk * 80 / 100;
      List<Map.Entry<String, long[]>> c = new ArrayList<>();
      for (Map.Entry<String, long[]> e : layers.entrySet()) {
        if (e.getValue()[3] == 0 && now - e.getValue()[2] >= 120_000) {
          c.add(e);
        }
      }
      c.sort((a, b) -> Long.compare(a.getValue()[1], b.getValue()[1]));
      long freed = 0;
      for (Map.Entry<String, long[]> e : c) {
        if (used <= target) {
          break;
        }
        layers.remove(e.getKey());
        used -= e.getValue()[0];
        freed += e.getValue()[0];
      }
      return freed;
    }
  }

  @Property(tries = 200)
  void agreesWithTheMapModel(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 9_999) Integer> ops,
      @ForAll boolean late,
      @ForAll boolean many) {
    long disk = 1_000;
    ImageCache cache = new ImageCache(disk);
    Model model = new Model(disk);
    // 12 images over 16 layers: images share layers, so stores, uses and GC interleave. With
    // many, 48 smaller images over 49 layers, so the cache passes LINEAR_LAYERS and is searched
    // through its index, and GC takes it back below.
    List<ImageDescription> images = new ArrayList<>();
    int n = many ? 48 : 12;
    for (int i = 0; i < n; i++) {
      images.add(
          ImageDescription.of(
              "img" + i + ":1",
              new ImageLayer("base" + (i % 4), many ? 4 + i % 4 : 40 + 10 * (i % 4)),
              new ImageLayer("app" + (i % 12 == 0 ? 0 : i), many ? 20 + i % 7 : 30 + 5 * i)));
    }
    // a late start crosses 2^31 ms, where the cache's times stop fitting in an int
    long now = late ? Integer.MAX_VALUE - 2_000_000L : 0;
    for (int op : ops) {
      // the action is op % 4 and the image op / 4, so every image meets every action
      now += 30_000L * (op / 1_000 % 3);
      ImageDescription img = images.get(op / 4 % images.size());
      switch (op % 4) {
        case 0 -> {
          cache.store(img, now);
          model.store(img, now);
        }
        case 1 -> {
          cache.acquire(img, now);
          model.use(img, now, 1);
        }
        case 2 -> {
          cache.release(img, now);
          model.use(img, now, -1);
        }
        default -> assertEquals(model.gc(now), cache.collectGarbage(now), "bytes freed at " + now);
      }
      assertEquals(model.used, cache.usedBytes());
      assertEquals(model.layers.size(), cache.layerCount());
      for (ImageDescription i : images) {
        for (ImageLayer l : i.layers()) {
          assertEquals(
              model.layers.containsKey(l.digest()), cache.hasLayer(l.digest()), l.digest());
        }
        long missing =
            i.layers().stream()
                .filter(l -> !model.layers.containsKey(l.digest()))
                .mapToLong(ImageLayer::sizeBytes)
                .sum();
        assertEquals(missing, cache.missingBytes(i), i.reference());
      }
    }
  }
}
