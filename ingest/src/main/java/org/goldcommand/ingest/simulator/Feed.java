package org.goldcommand.ingest.simulator;

import org.goldcommand.events.Envelope;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;

/**
 * The HTTP feeds the simulator sends, each as a trust's system would: event streams (attendances,
 * handovers, fridge readings) as NDJSON batches, snapshots as JSON arrays, and the daily sitrep as
 * one JSON object per return.
 */
public enum Feed {
  SITREP("sitrep", "/v1/sitreps", Body.SINGLE, Topics.SITREPS),
  ED_SNAPSHOT("ed-snapshot", "/v1/ed/snapshots", Body.ARRAY, Topics.ED_SNAPSHOTS),
  ED_ATTENDANCE("ed-attendance", "/v1/ed/attendances", Body.NDJSON, Topics.ED_ATTENDANCES),
  AMBULANCE_HANDOVER("ambulance-handover", "/v1/ambulance/handovers", Body.NDJSON, Topics.AMBULANCE_HANDOVERS),
  BED_STATE("bed-state", "/v1/beds/states", Body.ARRAY, Topics.BED_STATES),
  VACCINE_STOCK("vaccine-stock", "/v1/vaccine/stock", Body.ARRAY, Topics.VACCINE_STOCK),
  VACCINE_BOOKINGS("vaccine-bookings", "/v1/vaccine/bookings", Body.ARRAY, Topics.VACCINE_BOOKINGS),
  COLD_CHAIN("cold-chain", "/v1/cold-chain/readings", Body.NDJSON, Topics.COLD_CHAIN);

  /** How records are put in a request body. */
  public enum Body { SINGLE, ARRAY, NDJSON }

  private final String feedName;
  private final String path;
  private final Body body;
  private final Topic<String, ? extends Envelope<?>> topic;

  Feed(String feedName, String path, Body body, Topic<String, ? extends Envelope<?>> topic) {
    this.feedName = feedName;
    this.path = path;
    this.body = body;
    this.topic = topic;
  }

  /** Ingest's name for the feed, as in its event ids and metrics. */
  public String feedName() {
    return feedName;
  }

  /** The ingest path records are posted to. */
  public String path() {
    return path;
  }

  public Body body() {
    return body;
  }

  /** Where ingest puts accepted records. */
  public Topic<String, ? extends Envelope<?>> topic() {
    return topic;
  }
}
