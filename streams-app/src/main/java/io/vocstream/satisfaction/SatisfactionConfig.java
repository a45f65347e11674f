package io.vocstream.satisfaction;

import io.vocstream.config.Settings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of satisfaction analytics (keys {@code satisfaction.*}, documented in docs/satisfaction.md).
 *
 * @param indexWeights      weight of each item of the 0–100 index; a response's weights are renormalised over the
 *                          items it answered
 * @param roleWeights       influence of each respondent role in the account (team) model
 * @param defaultRoleWeight influence of a respondent whose role is missing or not listed
 */
public record SatisfactionConfig(Map<IndexItem, Double> indexWeights, Map<String, Double> roleWeights,
                                 double defaultRoleWeight) {
    public static final String INDEX_WEIGHTS = "satisfaction.index.weights";
    public static final String ROLE_WEIGHTS = "satisfaction.account.role.weights";
    public static final String DEFAULT_ROLE_WEIGHT = "satisfaction.account.default.role.weight";

    public static final String DEFAULT_INDEX_WEIGHTS = "csat:0.4,nps:0.2,ces:0.2,indicators:0.2";
    public static final String DEFAULT_ROLE_WEIGHTS = "decision_maker:3,influencer:2,user:1";

    public SatisfactionConfig {
        indexWeights = Map.copyOf(indexWeights);
        roleWeights = Map.copyOf(roleWeights);
    }

    public static SatisfactionConfig defaults() {
        return from(Settings.of(Map.of(), "defaults"));
    }

    public static SatisfactionConfig from(Settings settings) {
        Map<IndexItem, Double> indexWeights = settings.parsed(INDEX_WEIGHTS, byItem(weights(DEFAULT_INDEX_WEIGHTS)),
                raw -> byItem(weights(raw)), "item:weight pairs separated by commas, items csat, nps, ces, indicators");
        if (indexWeights.values().stream().allMatch(w -> w == 0)) {
            throw settings.invalid(INDEX_WEIGHTS, "weights with at least one above 0", null);
        }
        Map<String, Double> roles = settings.parsed(ROLE_WEIGHTS, weights(DEFAULT_ROLE_WEIGHTS),
                SatisfactionConfig::weights, "role:weight pairs separated by commas");
        double defaultRole = settings.parsed(DEFAULT_ROLE_WEIGHT, 1.0, raw -> nonNegative(Double.parseDouble(raw)),
                "a number of at least 0");
        return new SatisfactionConfig(indexWeights, roles, defaultRole);
    }

    /** The influence of a respondent with this role. */
    public double roleWeight(String role) {
        return role == null ? defaultRoleWeight : roleWeights.getOrDefault(role, defaultRoleWeight);
    }

    /** Parses {@code "a:1,b:0.5"}; every weight must be a number of at least 0. */
    static Map<String, Double> weights(String raw) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : raw.split(",")) {
            String[] kv = pair.split(":", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not name:weight");
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            if (out.put(name, nonNegative(Double.parseDouble(kv[1].trim()))) != null) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
        }
        return out;
    }

    private static Map<IndexItem, Double> byItem(Map<String, Double> weights) {
        Map<IndexItem, Double> out = new EnumMap<>(IndexItem.class);
        for (IndexItem item : IndexItem.values()) {
            out.put(item, 0.0);
        }
        weights.forEach((k, w) -> out.put(IndexItem.ofKey(k), w));
        return out;
    }

    private static double nonNegative(double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(w + " is not a weight of at least 0");
        }
        return w;
    }
}
