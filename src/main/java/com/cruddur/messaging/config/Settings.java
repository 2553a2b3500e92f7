package com.cruddur.messaging.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One JSON object of {@code cdk.json} context, read with its dotted path so every error names the
 * exact key, the bad value and what is allowed.
 */
final class Settings {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,15}");

    private final String path;
    private final Map<String, Object> values;
    /** Paths whose value came from a -c flag, which is always text: there "5" is a number and "true" a boolean. */
    private final Set<String> fromText;

    private Settings(String path, Map<String, Object> values, Set<String> fromText) {
        this.path = path;
        this.values = values;
        this.fromText = fromText;
    }

    /** Wraps {@code raw}, which must be a JSON object, found at {@code path}. */
    static Settings of(String path, Object raw) {
        return of(path, raw, Set.of());
    }

    /** As {@link #of(String, Object)}, where the values at {@code fromText} paths came from -c flags. */
    static Settings of(String path, Object raw, Set<String> fromText) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidStageConfigException(path + ": " + describe(raw) + " is not allowed; expected a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return new Settings(path, values, fromText);
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** Fails on the first key that is not one of {@code allowed} (a typo would otherwise be ignored silently). */
    void rejectUnknownKeys(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidStageConfigException(
                        path(key) + " is not a known setting; allowed keys are " + new TreeSet<>(allowed));
            }
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Settings object(String key) {
        return of(path(key), require(key), fromText);
    }

    String string(String key, Pattern pattern, String allowed) {
        return optionalString(key, pattern, allowed)
                .orElseThrow(() -> missing(key, allowed));
    }

    String string(String key, Pattern pattern, String allowed, String defaultValue) {
        return optionalString(key, pattern, allowed).orElse(defaultValue);
    }

    Optional<String> optionalString(String key, Pattern pattern, String allowed) {
        Object raw = values.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof String text) || !pattern.matcher(text).matches()) {
            throw invalid(key, raw, allowed);
        }
        return Optional.of(text);
    }

    List<String> stringList(String key, Pattern pattern, String allowed) {
        Object raw = values.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw invalid(key, raw, "a JSON list of " + allowed);
        }
        for (Object item : list) {
            if (!(item instanceof String text) || !pattern.matcher(text).matches()) {
                throw invalid(key, raw, "a JSON list of " + allowed);
            }
        }
        return list.stream().map(String.class::cast).toList();
    }

    int integer(String key, int min, int max) {
        require(key);
        return optionalInteger(key, min, max).getAsInt();
    }

    OptionalInt optionalInteger(String key, int min, int max) {
        Object raw = values.get(key);
        if (raw == null) {
            return OptionalInt.empty();
        }
        String allowed = "a whole number from " + min + " to " + max;
        if (raw instanceof String text && fromText.contains(path(key)) && WHOLE_NUMBER.matcher(text).matches()) {
            raw = Long.parseLong(text);
        }
        if (!(raw instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())
                || number.doubleValue() < min || number.doubleValue() > max) {
            throw invalid(key, raw, allowed);
        }
        return OptionalInt.of(number.intValue());
    }

    /** A whole number that must be one of {@code allowed}, an AWS setting with fixed steps; {@code what} says whose steps. */
    int integerOneOf(String key, List<Integer> allowed, String what) {
        Object raw = require(key);
        Object value = raw;
        if (raw instanceof String text && fromText.contains(path(key)) && WHOLE_NUMBER.matcher(text).matches()) {
            value = Long.parseLong(text);
        }
        if (!(value instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())
                || !allowed.contains((int) number.doubleValue())) {
            throw invalid(key, value, "one of " + allowed + " (" + what + ")");
        }
        return number.intValue();
    }

    boolean bool(String key) {
        Object raw = require(key);
        if (fromText.contains(path(key)) && ("true".equals(raw) || "false".equals(raw))) {
            raw = Boolean.valueOf((String) raw);
        }
        if (!(raw instanceof Boolean flag)) {
            throw invalid(key, raw, "true or false");
        }
        return flag;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        Object raw = require(key);
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (!(raw instanceof String text) || !names.contains(text)) {
            throw invalid(key, raw, "one of " + names);
        }
        return Enum.valueOf(type, text);
    }

    String path(String key) {
        return path + "." + key;
    }

    InvalidStageConfigException invalid(String key, Object raw, String allowed) {
        return new InvalidStageConfigException(path(key) + ": " + describe(raw) + " is not allowed; expected " + allowed);
    }

    private Object require(String key) {
        Object raw = values.get(key);
        if (raw == null) {
            throw missing(key, "a value");
        }
        return raw;
    }

    InvalidStageConfigException missing(String key, String allowed) {
        return new InvalidStageConfigException(path(key) + " is missing; expected " + allowed + howToSet(key));
    }

    /** A value from documentation (an example account, domain or certificate) where a real one is needed. */
    InvalidStageConfigException placeholder(String key, Object raw, String allowed) {
        return new InvalidStageConfigException(path(key) + ": " + describe(raw) + " is a placeholder; set " + allowed + howToSet(key));
    }

    /** A value another stage also uses, in an account and region they may share. */
    InvalidStageConfigException shared(String key, Object raw, String otherStage, String what) {
        return new InvalidStageConfigException(path(key) + ": " + describe(raw) + " is also stage " + otherStage + "'s " + what
                + "; two stages that may share an account need their own" + howToSet(key));
    }

    /** Whether the value of {@code key} came from a -c flag (the operator's latest word) rather than a file. */
    boolean fromFlag(String key) {
        return fromText.contains(path(key));
    }

    /** The raw value of {@code key}, or null. */
    Object raw(String key) {
        return values.get(key);
    }

    /** Where an operator sets this key without editing cdk.json: a -c flag or the git-ignored overrides file. */
    private String howToSet(String key) {
        String flag = path(key).startsWith("stages.") ? path(key).substring("stages.".length()) : path(key);
        return " (with -c " + flag + "=VALUE or in " + StageOverrides.DEFAULT_FILE + ")";
    }

    /** The value as the error shows it: a string quoted, its control characters escaped, so the error stays one line. */
    private static String describe(Object raw) {
        if (!(raw instanceof String text)) {
            return String.valueOf(raw);
        }
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> quoted.append(switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c);
        }));
        return quoted.append('"').toString();
    }
}
