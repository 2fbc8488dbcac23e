package org.goldcommand.events.status;

import java.time.Instant;

/**
 * A submission that ingest refused, recorded so the wall can show which feeds are sending bad data
 * (a feed that is rejected is as much a hole as one that is silent). No payload is kept: only who,
 * which feed, when and why.
 *
 * @param orgCode the organisation the submitter is bound to (its first, for multi-organisation keys)
 * @param feed the feed name, for example {@code sitrep}
 * @param at when it was refused
 * @param status the HTTP status or HL7 acknowledgement code given
 * @param reason the first reason given
 */
public record Rejection(String orgCode, String feed, Instant at, String status, String reason) {}
