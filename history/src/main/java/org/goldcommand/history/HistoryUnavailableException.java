package org.goldcommand.history;

/**
 * The history database could not answer. Unchecked so that callers on a worker thread can let
 * it travel to one place that turns it into a "history unavailable" reply (HTTP 503) instead of
 * wrapping every query; the live views do not depend on history and keep working.
 */
public final class HistoryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The database failed while doing {@code what}. */
  public HistoryUnavailableException(String what, Throwable cause) {
    super(what + ": " + cause.getMessage(), cause);
  }
}
