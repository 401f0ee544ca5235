package org.adaptivestream.evaluation;

import java.util.List;

/** One policy streaming one trace: every GOP, every switch request, and the score. */
public record SessionResult(String policy, String trace, List<GopOutcome> gops, List<SwitchRequest> requests,
        SessionMetrics metrics) {
    public SessionResult {
        gops = List.copyOf(gops);
        requests = List.copyOf(requests);
    }
}
