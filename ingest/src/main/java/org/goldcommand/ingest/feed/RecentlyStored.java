package org.goldcommand.ingest.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids this ingest instance has most recently had acknowledged by Kafka. A feed that
 * re-sends (after a timeout on its side, say) is answered {@code 202} again without writing the
 * record a second time, so the topic holds it once. Bounded: the oldest ids are forgotten, and a
 * re-send that arrives later still lands safely because every consumer de-duplicates on the id.
 */
public final class RecentlyStored {

  private final Map<String, Boolean> ids;

  public RecentlyStored(int capacity) {
    this.ids = Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    });
  }

  /** Whether Kafka already holds this event from this instance. */
  public boolean contains(String eventId) {
    return ids.containsKey(eventId);
  }

  /** Remembers an event Kafka has acknowledged. */
  public void add(String eventId) {
    ids.put(eventId, Boolean.TRUE);
  }
}
