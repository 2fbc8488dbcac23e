package org.goldcommand.events.validation;

/**
 * One thing wrong with an input, named by its JSON path (dotted, for example {@code beds.gaOccupied})
 * so a submitter can find and fix it.
 *
 * @param path where in the input, empty for the document itself
 * @param message what is wrong
 */
public record Violation(String path, String message) {}
