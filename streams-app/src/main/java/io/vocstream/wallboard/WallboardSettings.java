package io.vocstream.wallboard;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.time.Duration;

/**
 * The wallboard's settings (prefix {@code wallboard.}).
 *
 * @param staleAfter the board is stale once no new input event has been counted for this long
 */
public record WallboardSettings(Duration staleAfter) {
    public static final String STALE_AFTER = "wallboard.stale-after";
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);

    public static WallboardSettings from(AppConfig app) {
        Settings s = app.settings();
        Duration staleAfter = s.duration(STALE_AFTER, DEFAULT_STALE_AFTER);
        if (staleAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw s.invalid(STALE_AFTER, "at least PT1S", "the board is checked about twice a second");
        }
        return new WallboardSettings(staleAfter);
    }
}
