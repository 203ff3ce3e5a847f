package io.connectsdk.examples.datagen;

import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Timestamp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the order record of an id, as a pure function of a seed and the id: the same pair always
 * gives an equal {@link Struct}, on any JVM (the pseudo-random numbers come from SplitMix64, whose
 * definition is fixed here, not from a JDK class whose algorithm may change).
 *
 * <p>Value schema {@value #SCHEMA_NAME} (version 1): {@code id} INT64; {@code name} STRING (a first
 * and last name); {@code amount} Decimal with scale 2, from 1.00 to 1000.00; {@code created}
 * Timestamp, 2024-01-01T00:00:00Z plus {@code id} seconds plus up to 999 ms; {@code tags}
 * ARRAY&lt;STRING&gt; of 0 to 3 distinct tags. Immutable and thread-safe.
 */
public final class OrderGenerator {
    /** The name of the value schema. */
    public static final String SCHEMA_NAME = "io.connectsdk.examples.datagen.Order";
    /** The key schema: the id. */
    public static final Schema KEY_SCHEMA = Schema.INT64_SCHEMA;
    /** The value schema. */
    public static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name(SCHEMA_NAME).version(1)
            .doc("A generated order.")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("created", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .build();

    /** 2024-01-01T00:00:00Z. */
    static final long CREATED_BASE_MS = 1_704_067_200_000L;

    private static final String[] FIRST_NAMES = {
        "Ada", "Bruno", "Chiara", "Dmitri", "Emeka", "Fatima", "Goran", "Hana", "Ines", "Jonas",
        "Keiko", "Luis", "Mira", "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Sami", "Tariq",
    };
    private static final String[] LAST_NAMES = {
        "Almeida", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    };
    private static final String[] TAGS = {"new", "priority", "gift", "express", "wholesale", "returning"};

    private final long seed;

    /** @param seed the seed; equal seeds give equal records */
    public OrderGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * @param id the order id, 0 or more
     * @return the valid order struct of that id
     */
    public Struct order(long id) {
        SplitMix64 random = new SplitMix64(SplitMix64.mix(seed) ^ SplitMix64.mix(id + 0x632BE59BD9B4E019L));
        String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(99_901), 2);
        java.util.Date created = new java.util.Date(CREATED_BASE_MS + id * 1000 + random.nextInt(1000));
        List<String> pool = new ArrayList<>(List.of(TAGS));
        int tagCount = random.nextInt(4);
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(pool.remove(random.nextInt(pool.size())));
        }
        Struct order = new Struct(VALUE_SCHEMA)
                .put("id", id)
                .put("name", name)
                .put("amount", amount)
                .put("created", created)
                .put("tags", tags);
        order.validate();
        return order;
    }

    /** The SplitMix64 generator (Steele, Lea and Flood, 2014): a 64-bit counter passed through a mixing function. */
    private static final class SplitMix64 {
        private long state;

        SplitMix64(long state) {
            this.state = state;
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        long next() {
            state += 0x9E3779B97F4A7C15L;
            return mix(state);
        }

        /** @return a number in [0, bound); the bias for small bounds is negligible */
        int nextInt(int bound) {
            return (int) Long.remainderUnsigned(next(), bound);
        }
    }
}
