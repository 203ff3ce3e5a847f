package io.connectsdk.builtins.chain;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PluginResolver} that looks in one classloader: the providers registered with
 * {@link ServiceLoader} ({@code META-INF/services/<SPI>}), then any class by name
 * ({@code Class.forName}).
 *
 * <p>Names accepted, as Kafka Connect accepts them, for a registered provider:
 * <ul>
 *   <li>the fully qualified class name, with {@code $} for nested classes
 *       ({@code io.connectsdk.builtins.transforms.InsertField$Value}) or dots;</li>
 *   <li>the simple name ({@code RegexRouter}), and the simple name without the suffix
 *       {@code Transformation}, {@code Transform}, {@code Predicate}, {@code Converter} or
 *       {@code Connector} ({@code StringConverter} is also {@code String});</li>
 *   <li>for nested classes, the outer simple name and the nested name
 *       ({@code InsertField$Value}, {@code InsertField.Value});</li>
 *   <li>Kafka Connect's own class names of the built-in transforms, predicates and converters
 *       ({@code org.apache.kafka.connect.transforms.InsertField$Value},
 *       {@code org.apache.kafka.connect.transforms.predicates.TopicNameMatches},
 *       {@code org.apache.kafka.connect.storage.StringConverter},
 *       {@code org.apache.kafka.connect.converters.ByteArrayConverter},
 *       {@code org.apache.kafka.connect.json.JsonConverter}), mapped to the connect-sdk built-ins
 *       of the same simple name, so that existing connector and worker configurations work
 *       unchanged; more mappings can be given to the constructor.</li>
 * </ul>
 * An alias that several providers share is ambiguous and refused with a message listing them.
 *
 * <p>Thread-safe; the provider index of each SPI type is built once, on first use.
 */
public final class DefaultPluginResolver implements PluginResolver {
    /** Suffixes removed from simple names to make the short aliases. */
    private static final List<String> SUFFIXES = List.of("Transformation", "Transform", "Predicate", "Converter", "Connector");

    /** Kafka Connect package prefixes of built-ins, mapped to ours; the most specific first. */
    private static final Map<String, String> KAFKA_PACKAGES;

    static {
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put("org.apache.kafka.connect.transforms.predicates.", "io.connectsdk.builtins.predicates.");
        packages.put("org.apache.kafka.connect.transforms.", "io.connectsdk.builtins.transforms.");
        packages.put("org.apache.kafka.connect.converters.", "io.connectsdk.builtins.converters.");
        packages.put("org.apache.kafka.connect.storage.", "io.connectsdk.builtins.converters.");
        packages.put("org.apache.kafka.connect.json.", "io.connectsdk.builtins.json.");
        KAFKA_PACKAGES = Collections.unmodifiableMap(packages);
    }

    private final ClassLoader loader;
    private final Map<String, String> nameMappings;
    private final Map<Class<?>, Map<String, Set<Class<?>>>> indexes = new ConcurrentHashMap<>();

    /**
     * @param loader where to look for providers and classes; not {@code null}
     */
    public DefaultPluginResolver(ClassLoader loader) {
        this(loader, Map.of());
    }

    /**
     * @param loader where to look for providers and classes; not {@code null}
     * @param nameMappings extra exact class-name mappings tried before the built-in Kafka package
     *     mappings, e.g. {@code org.apache.kafka.connect.storage.StringConverter} to the name of
     *     connect-sdk's equivalent; not {@code null}
     */
    public DefaultPluginResolver(ClassLoader loader, Map<String, String> nameMappings) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.nameMappings = Map.copyOf(nameMappings);
    }

    @Override
    public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType) {
        Objects.requireNonNull(spiType, "spiType");
        String name = nameOrAlias == null ? "" : nameOrAlias.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("No " + spiType.getSimpleName() + " class or alias given");
        }
        Map<String, Set<Class<?>>> index = index(spiType);
        Class<? extends T> found = fromIndex(index, name, spiType);
        if (found != null) {
            return found;
        }
        String mapped = mapKafkaName(name);
        if (mapped != null) {
            found = fromIndex(index, mapped, spiType);
            if (found == null) {
                found = load(mapped, spiType, false);
            }
            if (found != null) {
                return found;
            }
            throw new IllegalArgumentException(name + " is a Kafka Connect class whose connect-sdk equivalent " + mapped
                    + " is not available");
        }
        found = load(name, spiType, true);
        if (found != null) {
            return found;
        }
        throw new IllegalArgumentException("No " + spiType.getSimpleName() + " named '" + name + "' was found: it is neither "
                + "a class nor an alias of a registered " + spiType.getSimpleName() + ". Known: " + known(index));
    }

    private String mapKafkaName(String name) {
        String exact = nameMappings.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : KAFKA_PACKAGES.entrySet()) {
            if (name.startsWith(e.getKey())) {
                String rest = name.substring(e.getKey().length());
                if (!rest.isEmpty() && rest.indexOf('.') < 0) {
                    return e.getValue() + rest;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<? extends T> fromIndex(Map<String, Set<Class<?>>> index, String name, Class<T> spiType) {
        Set<Class<?>> hits = index.get(name);
        if (hits == null || hits.isEmpty()) {
            return null;
        }
        if (hits.size() > 1) {
            List<String> names = new ArrayList<>();
            for (Class<?> c : hits) {
                names.add(c.getName());
            }
            Collections.sort(names);
            throw new IllegalArgumentException("'" + name + "' is ambiguous: it names several " + spiType.getSimpleName()
                    + "s " + names + "; use the full class name");
        }
        return (Class<? extends T>) hits.iterator().next();
    }

    @SuppressWarnings("unchecked")
    private <T> Class<? extends T> load(String name, Class<T> spiType, boolean explainMismatch) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!spiType.isAssignableFrom(type)) {
            if (!explainMismatch) {
                return null;
            }
            throw new IllegalArgumentException("Class " + name + " is not a " + spiType.getName()
                    + (looksLikeKafkaPlugin(type) ? " (it is an Apache Kafka Connect plugin; connect-sdk runs plugins written "
                    + "against io.connectsdk.api)" : ""));
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new IllegalArgumentException("Class " + name + " is not a public concrete class"
                    + (hasNested(type) ? "; use one of its nested variants, e.g. " + name + "$Value or " + name + "$Key" : ""));
        }
        return (Class<? extends T>) type;
    }

    private static boolean hasNested(Class<?> type) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.getSimpleName().equals("Value") || nested.getSimpleName().equals("Key")) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeKafkaPlugin(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("org.apache.kafka.")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String known(Map<String, Set<Class<?>>> index) {
        Set<String> names = new TreeSet<>();
        for (Set<Class<?>> classes : index.values()) {
            for (Class<?> c : classes) {
                names.add(c.getName());
            }
        }
        return names.isEmpty() ? "none registered" : names.toString();
    }

    private Map<String, Set<Class<?>>> index(Class<?> spiType) {
        return indexes.computeIfAbsent(spiType, this::buildIndex);
    }

    private Map<String, Set<Class<?>>> buildIndex(Class<?> spiType) {
        Map<String, Set<Class<?>>> index = new LinkedHashMap<>();
        List<Class<?>> providers = new ArrayList<>();
        Iterator<? extends ServiceLoader.Provider<?>> it = ServiceLoader.load(spiType, loader).stream().iterator();
        for (int errors = 0; errors < 100; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next().type());
            } catch (ServiceConfigurationError e) {
                errors++; // a broken registration; the others still count
            }
        }
        providers.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : providers) {
            for (String alias : aliases(type)) {
                index.computeIfAbsent(alias, k -> new LinkedHashSet<>()).add(type);
            }
        }
        return index;
    }

    /** @return every name a provider class answers to */
    static Set<String> aliases(Class<?> type) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(type.getName());
        if (type.getCanonicalName() != null) {
            aliases.add(type.getCanonicalName());
        }
        Class<?> outer = type.getEnclosingClass();
        if (outer == null) {
            String simple = type.getSimpleName();
            aliases.add(simple);
            String pruned = pruned(simple);
            if (pruned != null) {
                aliases.add(pruned);
            }
        } else {
            String outerSimple = outer.getSimpleName();
            aliases.add(outerSimple + "$" + type.getSimpleName());
            aliases.add(outerSimple + "." + type.getSimpleName());
            String pruned = pruned(outerSimple);
            if (pruned != null) {
                aliases.add(pruned + "$" + type.getSimpleName());
                aliases.add(pruned + "." + type.getSimpleName());
            }
        }
        return aliases;
    }

    private static String pruned(String simpleName) {
        for (String suffix : SUFFIXES) {
            if (simpleName.endsWith(suffix) && simpleName.length() > suffix.length()) {
                return simpleName.substring(0, simpleName.length() - suffix.length());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "DefaultPluginResolver{loader=" + loader + "}";
    }
}
