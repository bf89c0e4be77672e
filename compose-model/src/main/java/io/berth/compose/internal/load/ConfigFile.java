package io.berth.compose.internal.load;

/**
 * A compose file to read: its absolute path ({@code -} for standard input) and content.
 */
record ConfigFile(String name, String content) {
}
