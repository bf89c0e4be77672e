package io.berth.compose.internal.model;

/** @param json JSON output: no {@code x-*} keys inside objects, nulls for absent commands; else YAML and the model */
record DecodeOptions(boolean json) {
}
