package io.vocstream.satisfaction;

import io.vocstream.events.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dive curve of DOMAIN.md §2: satisfaction per touchpoint in journey order, with the largest drop flagged. */
public final class JourneyCurve {
    /** The journey stages in the order a customer meets them; billing and outage stand apart from the journey. */
    public static final List<Touchpoint> ORDER = List.of(Touchpoint.IVR, Touchpoint.QUEUE, Touchpoint.AGENT,
            Touchpoint.CALLBACK, Touchpoint.REPAIR, Touchpoint.COMPLAINT_HANDLING);

    private JourneyCurve() {
    }

    /**
     * The stages in journey order from each touchpoint's figures (missing: no responses). A stage without an index
     * is skipped when comparing neighbours; the dive is the most negative change, flagged only if below 0.
     */
    public static List<JourneyStage> of(Map<Touchpoint, SliceFigures> byTouchpoint) {
        List<JourneyStage> stages = new ArrayList<>();
        Double previous = null;
        int dive = -1;
        double largestDrop = 0;
        for (Touchpoint tp : ORDER) {
            SliceFigures f = byTouchpoint.get(tp);
            Double index = f == null ? null : f.index();
            Double change = index == null || previous == null ? null : index - previous;
            if (change != null && change < largestDrop) {
                largestDrop = change;
                dive = stages.size();
            }
            stages.add(new JourneyStage(tp.name(), f == null ? 0 : f.n(), index, f == null ? 0 : f.indexN(),
                    f == null ? null : f.csatMean(), f == null ? 0 : f.csatN(), change, false));
            if (index != null) {
                previous = index;
            }
        }
        if (dive >= 0) {
            JourneyStage s = stages.get(dive);
            stages.set(dive, new JourneyStage(s.touchpoint(), s.n(), s.index(), s.indexN(), s.csatMean(), s.csatN(),
                    s.changeFromPrevious(), true));
        }
        return stages;
    }
}
