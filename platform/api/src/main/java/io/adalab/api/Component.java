package io.adalab.api;

import java.util.Optional;

/** What every extension says about itself: identity, documentation and configuration schema. */
public interface Component {
    /**
     * The id users write in experiment files ({@code "adam"}, {@code "mlp"}); lower case,
     * digits, {@code -} and {@code _}; unique per extension kind across all loaded plugins.
     */
    String id();

    /** Name for people, e.g. {@code "Adam"}. */
    String displayName();

    /** One paragraph for listings; may be empty. */
    default String description() {
        return "";
    }

    /** The configuration this extension accepts. */
    HyperparameterSchema schema();

    /** The paper the method comes from, if any. */
    default Optional<PaperReference> paper() {
        return Optional.empty();
    }
}
