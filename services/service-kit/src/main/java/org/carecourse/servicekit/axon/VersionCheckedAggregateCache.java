package org.carecourse.servicekit.axon;

import java.lang.reflect.Field;
import java.time.Duration;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Hot aggregates held between commands, so a command on a long stream costs the same as on a
 * short one: loading from the store replays the events after the last snapshot, this does not.
 * <p>
 * A cached copy is only used when it is exactly the stored stream's state: on every read its
 * version is compared with the store's last sequence number for the aggregate (one indexed
 * query, in the command's own transaction). So a copy left ahead of the store by a surrounding
 * transaction that rolled back after the command (a keyed request, an inbound record), or behind
 * it because another instance appended, is dropped and the aggregate loaded from the store;
 * Axon's own eviction covers a command that fails. Bounded in entries and idle time.
 */
public class VersionCheckedAggregateCache implements Cache {

    /** Axon 4's cache entry keeps its version private; read once per hit (checked by the kit's test). */
    private static final Field VERSION = versionField();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final JdbcClient jdbc;

    /**
     * The cache for one aggregate type of a service (one each: Axon recreates an entry as the
     * repository's own type): the 10,000 most recently used, each dropped after 30 idle minutes.
     */
    public static VersionCheckedAggregateCache forHotAggregates(JdbcClient jdbc) {
        return new VersionCheckedAggregateCache(jdbc, 10_000, Duration.ofMinutes(30));
    }

    public VersionCheckedAggregateCache(JdbcClient jdbc, long maximumEntries, Duration idle) {
        this.jdbc = jdbc;
        this.entries = Caffeine.newBuilder().maximumSize(maximumEntries).expireAfterAccess(idle).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.getIfPresent(key);
        if (entry instanceof AggregateCacheEntry<?> cached && !storedVersionIs(key, version(cached))) {
            entries.invalidate(key);
            return null;
        }
        return (V) entry;
    }

    private boolean storedVersionIs(Object aggregateId, Long version) {
        long stored = jdbc.sql("select coalesce(max(sequence_number), -1) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateId.toString()).query(Long.class).single();
        return version != null && version == stored;
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Axon's aggregate repositories never listen; nothing here would tell them anything. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }

    static Long version(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the cached aggregate's version", e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field: the aggregate cache needs a new way"
                    + " to read it", e);
        }
    }
}
