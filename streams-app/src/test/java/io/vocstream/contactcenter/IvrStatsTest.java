package io.vocstream.contactcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IvrStatsTest {
    /** The hang-ups per node of {@code deltas}, counted one by one: a node beyond the first MAX_NODES is other. */
    private static Map<String, Long> recount(Iterable<IvrStats> deltas) {
        Map<String, Long> nodes = new HashMap<>();
        for (IvrStats delta : deltas) {
            for (Map.Entry<String, Long> hangUps : delta.hangUpNodes().entrySet()) {
                String node = nodes.containsKey(hangUps.getKey()) || nodes.size() < IvrStats.MAX_NODES
                        ? hangUps.getKey() : IvrStats.OTHER_NODE;
                nodes.merge(node, hangUps.getValue(), Long::sum);
            }
        }
        return nodes;
    }

    @Test
    @DisplayName("merged session endings count every hang-up at its node, the nodes past the cap as other")
    void hangUpsPerNode() {
        Random random = new Random(5);
        List<IvrStats> deltas = new ArrayList<>();
        IvrStats merged = IvrStats.EMPTY;
        long hungUp = 0;
        for (int i = 0; i < 5_000; i++) {
            IvrStats delta = switch (random.nextInt(4)) {
                case 0 -> IvrStats.startedOne();
                case 1 -> IvrStats.ended(true, false, 30.0, null);
                default -> IvrStats.ended(false, false, null, "node-" + random.nextInt(IvrStats.MAX_NODES + 50));
            };
            hungUp += delta.hungUp();
            deltas.add(delta);
            merged = merged.merge(delta);
        }
        assertEquals(recount(deltas), merged.hangUpNodes());
        assertEquals(hungUp, merged.hangUpNodes().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(IvrStats.MAX_NODES + 1, merged.hangUpNodes().size(), "the cap's nodes and other");
    }
}
