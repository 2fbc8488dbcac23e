package org.goldcommand.ingest.feeds;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.ingest.feed.FeedSpec;

/**
 * A feed whose records are each about one site, described by functions rather than a class of its
 * own: most feeds differ only in their type, times, keys and rules.
 *
 * @param name feed name, also the schema's name ({@code schemas/<name>.v1.json})
 * @param topic where accepted records go
 * @param type record type
 * @param siteCode the site a record is about
 * @param time a record's business time
 * @param natural the identifying part of a record's event id
 * @param kafkaKey the Kafka key (the site, unless ordering needs another key)
 * @param checks the feed's rules beyond the schema
 * @param forwardLooking whether records may be about the future
 * @param <T> record type
 */
public record SiteFeed<T>(
    String name,
    Topic<String, Envelope<T>> topic,
    Class<T> type,
    Function<T, String> siteCode,
    Function<T, Instant> time,
    Function<T, String> natural,
    Function<T, String> kafkaKey,
    Function<T, List<Violation>> checks,
    boolean forwardLooking) implements FeedSpec<T> {

  @Override
  public String schemaResource() {
    return "schemas/" + name + ".v1.json";
  }

  @Override
  public Subject subject(T value) {
    return Subject.site(siteCode.apply(value));
  }

  @Override
  public Instant businessTime(T value) {
    return time.apply(value);
  }

  @Override
  public String naturalKey(T value) {
    return natural.apply(value);
  }

  @Override
  public String key(T value) {
    return kafkaKey.apply(value);
  }

  @Override
  public List<Violation> rules(T value, Organisation owner, Instant now) {
    return checks.apply(value);
  }
}
