package org.goldcommand.events.vaccine;

import java.time.LocalDate;

/**
 * How many appointments a site has booked for a product on a day: the demand side of the stock
 * ledger. Contract: {@code schemas/vaccine-bookings.v1.json}.
 */
public record VaccineBookings(String siteCode, LocalDate date, String product, int booked) {}
