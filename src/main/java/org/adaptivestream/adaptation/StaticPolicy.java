package org.adaptivestream.adaptation;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/** One fixed rung whatever the network does: the baseline every adaptive policy must beat. */
public final class StaticPolicy implements AdaptationPolicy {

    private final Rung rung;

    public StaticPolicy(Rung rung) {
        this.rung = Objects.requireNonNull(rung, "rung");
    }

    @Override
    public String name() {
        return "static-" + rung.label();
    }

    @Override
    public Decision decide(PolicyInput input) {
        return new Decision(rung, "static: always " + input.ladder().describe(rung));
    }
}
