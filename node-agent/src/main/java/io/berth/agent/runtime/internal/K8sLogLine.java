package io.berth.agent.runtime.internal;

import io.berth.agent.runtime.StdStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One line of conmon's k8s-file log: {@code <RFC3339Nano time> stdout|stderr F|P <text>}. {@code P} marks a
 * partial line (continued by the next line of the same stream), {@code F} a full one.
 */
record K8sLogLine(Instant time, StdStream stream, boolean partial, String text) {

    /** Parses one line (without its newline); null when it is not in the format (a torn write). */
    static K8sLogLine parse(String line) {
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (b < 0 || b + 2 > line.length()) {
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(line.substring(0, a)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
        String stream = line.substring(a + 1, b);
        StdStream s = stream.equals("stdout") ? StdStream.STDOUT : stream.equals("stderr") ? StdStream.STDERR : null;
        char tag = line.charAt(b + 1);
        if (s == null || (tag != 'F' && tag != 'P')) {
            return null;
        }
        String text = b + 3 <= line.length() ? line.substring(b + 3) : "";
        return new K8sLogLine(time, s, tag == 'P', text);
    }
}
