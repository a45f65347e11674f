package io.vocstream.contactcenter;

import static io.vocstream.testing.StateSerdeAssertions.assertRefusesForeignAndTruncatedBytes;
import static io.vocstream.testing.StateSerdeAssertions.assertRoundTrip;

import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IvrSessionSerdeTest {
    private static final Serde<IvrSession> SERDE = IvrSessionSerde.serde();

    private static IvrSession transferred() {
        return new IvrSession("s-1", "+33 1 23 45 67 89", new Dimensions("VOICE", "Genève", "résidentiel"),
                1_764_000_000_000L, "menu/factures→agent", 1_764_000_020_000L, "TRANSFERRED_TO_AGENT",
                1_764_000_030_000L, "c-7", "billing", Set.of("SESSION_STARTED@null@1764000000000",
                "MENU_ENTERED@menu/factures→agent@1764000020000", "TRANSFERRED_TO_AGENT@null@1764000030000"));
    }

    @Test
    @DisplayName("an ended session with every component set, some non-ASCII, survives the round trip")
    void endedSessionSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, transferred());
    }

    @Test
    @DisplayName("a session as its first event makes it (every nullable component null, Long.MIN_VALUE) survives")
    void sessionWithNullsSurvivesTheRoundTrip() {
        assertRoundTrip(SERDE, new IvrSession("s-2", null, new Dimensions("VOICE", null, null), null, null,
                Long.MIN_VALUE, null, null, null, null, Set.of()));
        assertRoundTrip(SERDE, new IvrSession("s-3", "line", new Dimensions(null, null, null), null, "root", 0L,
                "HUNG_UP", -1L, null, null, Set.of("HUNG_UP@root@0")));
    }

    @Test
    void foreignAndTruncatedBytesAreRefused() {
        assertRefusesForeignAndTruncatedBytes(SERDE, transferred(), "IVR session");
    }
}
