package io.adalab.server.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the hub knows about a run right now (the store lags by up to a second).
 *
 * @param run         run id
 * @param experiment  experiment id, or -1 if not known yet
 * @param status      run status name
 * @param step        last step seen
 * @param epoch       epoch of that step
 * @param totalSteps  steps the run will take if it runs to the end, 0 if unknown
 * @param loss        loss at that step
 * @param wallSeconds seconds since the run started, at that step
 * @param series      per-step series names (empty before the run starts)
 */
public record RunLive(long run, long experiment, String status, long step, int epoch, long totalSteps, double loss,
                      double wallSeconds, java.util.List<String> series) {

    /** As sent to clients. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run);
        m.put("experiment", experiment);
        m.put("status", status);
        m.put("step", step);
        m.put("epoch", epoch);
        m.put("total_steps", totalSteps);
        m.put("loss", Double.isFinite(loss) ? loss : null);
        m.put("wall", wallSeconds);
        return m;
    }
}
