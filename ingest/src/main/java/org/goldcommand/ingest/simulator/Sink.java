package org.goldcommand.ingest.simulator;

/** Where the scenario's models put what they have to send, each stamped with its business time. */
interface Sink {

  void emit(Outbound outbound);
}
