package io.vocstream.producers.sim;

import io.vocstream.events.ComplaintReasonClass;

/**
 * What a complaint is about: the contact, work order, asset or feeder, and the reason class the facts point to
 * (null when only the investigation can tell).
 */
record ComplaintLinks(String contactId, String queue, String workOrderId, String assetId, String feederId,
                      ComplaintReasonClass likelyReason) {
    static ComplaintLinks contact(Contact contact, ComplaintReasonClass likelyReason) {
        return new ComplaintLinks(contact.id, contact.queue.name(), null, null, null, likelyReason);
    }
}
