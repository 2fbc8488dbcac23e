package org.goldcommand.events.deadletter;

import java.time.Instant;

/**
 * An input that could not be processed, kept whole with the reason so that nothing a feed sent is
 * lost and an operator can replay it once the cause is fixed.
 *
 * @param sourceTopic where the record was read from
 * @param key the record key as text, when there was one
 * @param reason why it was rejected, in words an operator can act on
 * @param stage which component rejected it (for example {@code streams.trust-occupancy})
 * @param payload the original bytes as UTF-8 text
 * @param at when it was rejected
 */
public record DeadLetter(String sourceTopic, String key, String reason, String stage, String payload, Instant at) {}
