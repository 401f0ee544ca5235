package org.adaptivestream.metrics;

/** The time series kept for every client session, with the unit each is stored in. */
public enum Metric {
    RTT("rtt_ms", "Round-trip time", "ms"),
    DELIVERY_DELAY("delivery_delay_ms", "Frame delivery delay", "ms"),
    JITTER("jitter_ms", "Interarrival jitter", "ms"),
    THROUGHPUT("throughput_mbps", "Receive throughput", "Mbit/s"),
    RUNG_BITRATE("rung_bitrate_mbps", "Current rung's bitrate", "Mbit/s"),
    BUFFER("buffer_ms", "Playout buffer", "ms"),
    RESOLUTION("resolution_p", "Resolution", "lines"),
    FPS("fps", "Frames shown per second", "fps"),
    /** Server send to frame on screen, per frame: what the viewer's latency really is. */
    SEND_TO_SHOWN("send_to_shown_ms", "Send to shown", "ms");

    private final String key;
    private final String title;
    private final String unit;

    Metric(String key, String title, String unit) {
        this.key = key;
        this.title = title;
        this.unit = unit;
    }

    /** Column and field name in exports. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }
}
