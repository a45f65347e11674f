package io.vocstream.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SatisfactionConfigTest {
    private static SatisfactionConfig of(Map<String, String> raw) {
        return SatisfactionConfig.from(Settings.of(raw, "test"));
    }

    @Test
    void defaultsAreTheDocumentedWeights() {
        SatisfactionConfig c = SatisfactionConfig.defaults();
        assertEquals(Map.of(IndexItem.CSAT, 0.4, IndexItem.NPS, 0.2, IndexItem.CES, 0.2, IndexItem.INDICATORS, 0.2),
                c.indexWeights());
        assertEquals(3.0, c.roleWeight("decision_maker"));
        assertEquals(1.0, c.roleWeight(null));
        assertEquals(1.0, c.roleWeight("intern"));
    }

    @Test
    void itemsLeftOutOfTheIndexWeighZero() {
        SatisfactionConfig c = of(Map.of(SatisfactionConfig.INDEX_WEIGHTS, "csat:1, nps:1",
                SatisfactionConfig.DEFAULT_ROLE_WEIGHT, "0.5"));
        assertEquals(Map.of(IndexItem.CSAT, 1.0, IndexItem.NPS, 1.0, IndexItem.CES, 0.0, IndexItem.INDICATORS, 0.0),
                c.indexWeights());
        assertEquals(0.5, c.roleWeight("intern"));
    }

    @Test
    void badWeightsAreRefusedNamingTheSetting() {
        for (String bad : new String[] {"csat", "csat:-1", "effort:1", "csat:1,csat:2", "csat:0,nps:0", "csat:x"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> of(Map.of(SatisfactionConfig.INDEX_WEIGHTS, bad)), bad);
            assertTrue(e.getMessage().contains(SatisfactionConfig.INDEX_WEIGHTS), e.getMessage());
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> of(Map.of(SatisfactionConfig.ROLE_WEIGHTS, "boss:NaN")));
        assertTrue(e.getMessage().contains(SatisfactionConfig.ROLE_WEIGHTS), e.getMessage());
    }
}
