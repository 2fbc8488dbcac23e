package org.goldcommand.ingest.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.sitrep.SitrepRules;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.ingest.feed.FeedSpec;

/**
 * The daily sitrep: about an organisation (a trust), identified by its {@code submissionId} (generated
 * when the trust sends none), so re-sending a return is safe and a correction is a new submission.
 */
public final class SitrepFeed implements FeedSpec<Sitrep> {

  private final ReferenceData reference;

  public SitrepFeed(ReferenceData reference) {
    this.reference = reference;
  }

  /** The event id of a submission: stable across re-sends, so every consumer can de-duplicate. */
  public static String eventId(String orgCode, String submissionId) {
    return "sitrep/" + orgCode + "/" + submissionId;
  }

  @Override
  public String name() {
    return "sitrep";
  }

  @Override
  public Topic<String, Envelope<Sitrep>> topic() {
    return Topics.SITREPS;
  }

  @Override
  public Class<Sitrep> type() {
    return Sitrep.class;
  }

  @Override
  public String schemaResource() {
    return "schemas/sitrep.v1.json";
  }

  @Override
  public Subject subject(Sitrep value) {
    return Subject.organisation(value.orgCode(), "orgCode");
  }

  @Override
  public Instant businessTime(Sitrep value) {
    return value.asAt();
  }

  @Override
  public String naturalKey(Sitrep value) {
    return value.orgCode() + "/" + value.submissionId();
  }

  @Override
  public boolean hashContent() {
    return false;
  }

  @Override
  public Sitrep normalise(Sitrep value) {
    return value.submissionId() != null ? value : value.withSubmissionId(UUID.randomUUID().toString());
  }

  /** The sitrep rules bar the future-time check, which every feed gets from the intake. */
  @Override
  public List<Violation> rules(Sitrep value, Organisation owner, Instant now) {
    return SitrepRules.check(value, reference, now).stream()
        .filter(v -> !v.path().equals("asAt"))
        .toList();
  }

  @Override
  public String receipt(Sitrep value, String eventId) {
    return value.submissionId();
  }
}
