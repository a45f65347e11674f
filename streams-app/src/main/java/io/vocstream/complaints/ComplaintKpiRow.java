package io.vocstream.complaints;

import java.time.Instant;
import java.util.Map;

/**
 * The complaint KPIs of one slice over one window, of the complaints OPENED in the window (their cohort). Each
 * figure is null when its n is 0; the OpenAPI fragment gives every formula.
 */
public record ComplaintKpiRow(String dimension, String value, String window, Instant from, Instant to,
                              long opened,
                              long answeredContacts, Double complaintsPer1000Contacts,
                              Long customers, Double complaintsPer10000Customers,
                              long firstResponseN, Double firstResponseMedianSeconds, Double firstResponseP90Seconds,
                              Double onTimeFirstResponseRate,
                              long resolvedN, Double resolveMedianSeconds, Double resolveP90Seconds,
                              Double resolvedWithin24hRate, Double resolvedWithin8WeeksRate,
                              Double closureRate, Double reopenRate, Double appealRate,
                              long classifiedN, Double substantiatedShare, Map<String, Double> reasonClassShares,
                              long repeatN, Double repeatComplaintShare) {
}
