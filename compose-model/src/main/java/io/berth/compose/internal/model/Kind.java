package io.berth.compose.internal.model;

/**
 * How one field of the compose model is decoded from the generic tree and printed, mirroring the Go types of
 * compose-go (so that our output is the same, value type for value type).
 */
interface Kind {
    /** Marker for "leave the field out" (Go's omitempty on a zero value). */
    Object OMIT = new Object() {
        @Override
        public String toString() {
            return "OMIT";
        }
    };

    /**
     * @param value   the generic value (never OMIT)
     * @param path    the field path, for messages
     * @param options decoding options
     * @return the output value, or {@link #OMIT}
     */
    Object decode(Object value, String path, DecodeOptions options);
}
