package io.github.recoveryaction.plan;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A template field that is either one value for every lane or a value per lane. */
public record ByLane<T>(Map<Lane, T> values) {

    public ByLane {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    public static <T> ByLane<T> all(T value) {
        Map<Lane, T> map = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            map.put(lane, value);
        }
        return new ByLane<>(map);
    }

    public static <T> ByLane<T> none() {
        return new ByLane<>(Map.of());
    }

    public Optional<T> find(Lane lane) {
        return Optional.ofNullable(values.get(lane));
    }
}
