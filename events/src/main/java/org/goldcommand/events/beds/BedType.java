package org.goldcommand.events.beds;

/** The bed bases a sitrep distinguishes. */
public enum BedType { GA, CRITICAL_CARE, PAEDIATRIC }
