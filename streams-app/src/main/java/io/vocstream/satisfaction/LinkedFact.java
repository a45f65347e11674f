package io.vocstream.satisfaction;

import java.util.List;

/**
 * What is known about one entity (a contact's wait, a customer's complaints) together with the responses already
 * counted under it, so that a later fact can move them to the group it implies.
 */
public interface LinkedFact<F extends LinkedFact<F>> {
    List<LinkedResponse> responses();

    F withResponses(List<LinkedResponse> linked);
}
