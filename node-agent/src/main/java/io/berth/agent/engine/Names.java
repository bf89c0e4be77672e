package io.berth.agent.engine;

import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Container names: the rule Docker checks ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}), and generated names in
 * Docker's style ({@code adjective_scientist}) from our own word lists, with a number appended when taken.
 */
public final class Names {
    private static final Pattern VALID = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final List<String> LEFT = List.of("agile", "amber", "bold", "brave", "bright", "calm", "clever",
            "cosmic", "crisp", "daring", "eager", "fair", "fond", "gentle", "glad", "golden", "happy", "humble",
            "jolly", "keen", "kind", "lively", "lucid", "merry", "modest", "nimble", "noble", "patient", "polite",
            "proud", "quick", "quiet", "rapid", "sharp", "silent", "steady", "sunny", "swift", "tender", "vivid",
            "warm", "wise", "witty", "zealous");
    private static final List<String> RIGHT = List.of("babbage", "bohr", "curie", "darwin", "dijkstra", "einstein",
            "euler", "faraday", "fermi", "feynman", "galileo", "gauss", "germain", "goodall", "hamilton", "hawking",
            "hopper", "hypatia", "kepler", "knuth", "lamarr", "lovelace", "maxwell", "meitner", "mendel", "newton",
            "noether", "pascal", "pasteur", "planck", "ramanujan", "ritchie", "sagan", "shannon", "somerville",
            "tesla", "thompson", "turing", "volta", "wozniak", "yonath");

    private Names() {
    }

    /** Docker's name rule; a leading slash (API form) is accepted and dropped. */
    public static String validate(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** A free generated name; {@code random} gives an index below its argument. */
    public static String generate(IntUnaryOperator random, Predicate<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = LEFT.get(random.applyAsInt(LEFT.size())) + "_" + RIGHT.get(random.applyAsInt(RIGHT.size()));
            if (attempt > 3) {
                name = name + random.applyAsInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
