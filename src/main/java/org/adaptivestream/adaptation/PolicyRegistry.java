package org.adaptivestream.adaptation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.adaptivestream.media.Rung;

/**
 * Policies by name, for the command line and the GUI: {@code static-240p} … {@code
 * static-1080p}, {@code classic}, {@code throughput}, {@code buffer} and {@code default}. Each
 * call creates a fresh instance, so sessions never share policy state.
 */
public final class PolicyRegistry {

    public static final String DEFAULT = "default";

    private static final Map<String, Supplier<AdaptationPolicy>> FACTORIES = factories();

    private PolicyRegistry() {
    }

    private static Map<String, Supplier<AdaptationPolicy>> factories() {
        Map<String, Supplier<AdaptationPolicy>> m = new LinkedHashMap<>();
        m.put(DEFAULT, DefaultPolicy::new);
        m.put("throughput", ThroughputPolicy::new);
        m.put("buffer", BufferBasedPolicy::new);
        m.put("classic", ClassicLatencyPolicy::new);
        for (Rung r : Rung.values()) {
            m.put("static-" + r.label(), () -> new StaticPolicy(r));
        }
        return Collections.unmodifiableMap(m);
    }

    /** All names, the default first. */
    public static List<String> names() {
        return new ArrayList<>(FACTORIES.keySet());
    }

    public static boolean contains(String name) {
        return FACTORIES.containsKey(name);
    }

    /** A new instance of the named policy. */
    public static AdaptationPolicy create(String name) {
        Supplier<AdaptationPolicy> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no policy named '" + name + "'; known: " + String.join(", ", names()));
        }
        return factory.get();
    }
}
