package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Field;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The location of one field inside a record key or value, read according to a
 * {@link FieldSyntaxVersion}.
 *
 * <p>With {@link FieldSyntaxVersion#V1} the path is one step: the text as it is. With
 * {@link FieldSyntaxVersion#V2} the text is split at dots into steps ({@code a.b.c} is three
 * steps; a trailing dot adds an empty last step). A step that starts with a backtick runs to the
 * next backtick that is followed by a dot or ends the text, so {@code `a.b`.c} is the two steps
 * {@code a.b} and {@code c}; inside such a step a backtick that is not followed by a dot is kept as
 * it is, and a backslash before a backtick-dot pair makes both literal ({@code `a\`.b`} is the one
 * step {@code a`.b}). A backtick step that is never closed is a configuration error.
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldPath {
    private final String text;
    private final List<String> steps;

    private FieldPath(String text, List<String> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * @param text the configured field name or path; not {@code null}
     * @param version how to read it; not {@code null}
     * @return the path
     * @throws ConfigException if a {@code V2} path has an unclosed backtick
     */
    public static FieldPath parse(String text, FieldSyntaxVersion version) {
        Objects.requireNonNull(text, "text");
        if (version == FieldSyntaxVersion.V1 || text.isEmpty()) {
            return new FieldPath(text, List.of(text));
        }
        return new FieldPath(text, Collections.unmodifiableList(splitV2(text)));
    }

    private static List<String> splitV2(String text) {
        List<String> steps = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        while (pos < n) {
            if (text.charAt(pos) != '`') {
                int dot = text.indexOf('.', pos);
                if (dot < 0) {
                    steps.add(text.substring(pos));
                    pos = n;
                } else {
                    steps.add(text.substring(pos, dot));
                    pos = dot + 1;
                }
                continue;
            }
            int opening = pos;
            StringBuilder step = new StringBuilder();
            int copyFrom = pos + 1;
            int searchFrom = pos + 1;
            while (true) {
                int tick = text.indexOf('`', searchFrom);
                if (tick < 0) {
                    throw unclosed(text, opening);
                }
                boolean escaped = text.charAt(tick - 1) == '\\';
                if (tick == n - 1) {
                    if (escaped) {
                        throw unclosed(text, opening);
                    }
                    step.append(text, copyFrom, tick);
                    steps.add(step.toString());
                    pos = n;
                    break;
                }
                if (text.charAt(tick + 1) != '.') {
                    searchFrom = tick + 1;
                    continue;
                }
                if (escaped) {
                    step.append(text, copyFrom, tick - 1).append('`');
                    copyFrom = tick + 1;
                    searchFrom = tick + 1;
                    continue;
                }
                step.append(text, copyFrom, tick);
                steps.add(step.toString());
                pos = tick + 2;
                break;
            }
        }
        if (text.charAt(n - 1) == '.') {
            steps.add("");
        }
        return steps;
    }

    private static ConfigException unclosed(String text, int position) {
        return new ConfigException("Field path [" + text + "] has a backtick at position " + position
                + " that is never closed (by a backtick followed by a dot, or at the end); put a backslash before a "
                + "backtick that belongs to the field name");
    }

    /** @return the text the path was parsed from */
    public String text() {
        return text;
    }

    /** @return the steps, at least one; unmodifiable */
    public List<String> steps() {
        return steps;
    }

    /** @return whether the path is a single top-level field name */
    public boolean isTopLevel() {
        return steps.size() == 1;
    }

    /** @return the last step: the name of the field the path leads to */
    public String lastStep() {
        return steps.get(steps.size() - 1);
    }

    /**
     * @param schema a struct schema; may be {@code null}
     * @return the field the path leads to, or {@code null} if a step is missing or a step before
     *     the last is not a struct
     */
    public Field fieldIn(Schema schema) {
        Schema current = schema;
        Field field = null;
        for (String step : steps) {
            if (current == null || current.type() != Schema.Type.STRUCT) {
                return null;
            }
            field = current.field(step);
            if (field == null) {
                return null;
            }
            current = field.schema();
        }
        return field;
    }

    /**
     * @param struct the struct to read; may be {@code null}
     * @param withDefault whether an unset field reads as its schema's default value
     * @return the value at the path, or {@code null} if a step is missing or {@code null}
     * @throws DataException if a step before the last holds something other than a struct
     */
    public Object valueIn(Struct struct, boolean withDefault) {
        Struct current = struct;
        for (int i = 0; i < steps.size(); i++) {
            if (current == null) {
                return null;
            }
            String step = steps.get(i);
            Field field = current.schema().field(step);
            if (field == null) {
                return null;
            }
            if (i == steps.size() - 1) {
                return withDefault ? current.get(field) : current.getWithoutDefault(step);
            }
            Object next = current.get(field);
            if (next != null && !(next instanceof Struct)) {
                throw new DataException("Cannot follow field path [" + text + "]: '" + step + "' holds "
                        + Requirements.describe(next) + ", not a Struct");
            }
            current = (Struct) next;
        }
        return null;
    }

    /**
     * @param map the map to read; may be {@code null}
     * @return the value at the path, or {@code null} if a step is missing or {@code null}
     * @throws DataException if a step before the last holds something other than a map
     */
    public Object valueIn(Map<?, ?> map) {
        Map<?, ?> current = map;
        for (int i = 0; i < steps.size(); i++) {
            if (current == null) {
                return null;
            }
            Object next = current.get(steps.get(i));
            if (i == steps.size() - 1) {
                return next;
            }
            if (next != null && !(next instanceof Map)) {
                throw new DataException("Cannot follow field path [" + text + "]: '" + steps.get(i) + "' holds "
                        + Requirements.describe(next) + ", not a Map");
            }
            current = (Map<?, ?>) next;
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath && steps.equals(((FieldPath) o).steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    /** @return the steps joined with dots, for messages */
    @Override
    public String toString() {
        return String.join(".", steps);
    }
}
