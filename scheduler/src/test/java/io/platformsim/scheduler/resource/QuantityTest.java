package io.platformsim.scheduler.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantityTest {
    @Test
    void parsesKubernetesSuffixes() {
        // k8s.io/apimachinery pkg/api/resource: m = 10^-3, k/M/G decimal, Ki/Mi/Gi binary
        assertEquals(500, Quantity.parse("cpu", "500m", true));
        assertEquals(2000, Quantity.parse("cpu", "2", true));
        assertEquals(1500, Quantity.parse("cpu", "1.5", true));
        assertEquals(2L * 1024 * 1024 * 1024, Quantity.parse("memory", "2Gi", false));
        assertEquals(128L * 1024 * 1024, Quantity.parse("memory", "128Mi", false));
        assertEquals(10_000_000, Quantity.parse("memory", "10M", false));
        assertEquals(1536L * 1024 * 1024, Quantity.parse("memory", "1.5Gi", false));
        // fractional base units round up, like Quantity.Value()
        assertEquals(1, Quantity.parse("memory", "100m", false));
    }

    @Test
    void rejectsMalformedInputNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "-1Gi", false));
        assertTrue(e.getMessage().contains("memory") && e.getMessage().contains("-1Gi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("cpu", "2 cores", true));
        assertTrue(e.getMessage().contains("cpu"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "5Zi", false));
        assertTrue(e.getMessage().contains("Zi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "9Ei", false));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "", false));
        assertThrows(IllegalArgumentException.class, () -> Quantity.check("pods", -3));
    }

    @Test
    void registryAndVectors() {
        DimensionRegistry reg = DimensionRegistry.standard("nvidia.com/gpu");
        assertEquals(5, reg.size());
        assertEquals(4, reg.indexOf("nvidia.com/gpu"));
        assertTrue(reg.isExtended(4));
        assertFalse(reg.isExtended(DimensionRegistry.EPHEMERAL_STORAGE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reg.indexOf("amd.com/gpu"));
        assertTrue(e.getMessage().contains("amd.com/gpu"), e.getMessage());
        ResourceVector v = ResourceVector.of(reg, "cpu", "250m", "memory", "0");
        assertEquals(250, v.get("cpu"));
        assertTrue(v.isSpecified(DimensionRegistry.MEMORY));
        assertFalse(v.isSpecified(DimensionRegistry.EPHEMERAL_STORAGE));
        assertEquals("{cpu=250m, memory=0}", v.toString());
        assertThrows(IllegalArgumentException.class, () -> DimensionRegistry.standard("cpu"));
    }
}
