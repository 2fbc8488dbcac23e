package org.goldcommand.ingest.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A valid record of every HTTP feed, as a trust in Lancashire Teaching Hospitals (RXN) would send it. */
public final class FeedExamples {

  /** One feed's path, a valid body, and the topic it should land on. */
  public record Example(String feed, String path, String body, String topic) {}

  private FeedExamples() {}

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString();
  }

  /** A fresh, unique valid example of each feed (unique so tests never see each other's records). */
  public static List<Example> all() {
    String at = now();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return List.of(
        new Example("sitrep", "/v1/sitreps", """
            {"submissionId":"ex-%s","orgCode":"RXN","asAt":"%s",
             "beds":{"gaCoreOpen":700,"gaEscalationOpen":20,"gaOccupied":690,
                     "adultCriticalCareOpen":30,"adultCriticalCareOccupied":28,"closedInfectionControl":6},
             "discharge":{"nctr":110,"dischargedBy17":40,"dischargedAfter17":25},
             "staffAbsencePct":6.1,"ambulance":{"arrivals":120,"handoversOver30":20,"handoversOver60":8,"hoursLost":30.5}}
            """.formatted(unique, at), "feeds.sitrep.v1"),
        new Example("ed-snapshot", "/v1/ed/snapshots", """
            {"siteCode":"RXN02","asAt":"%s","patientsInDepartment":%d,"edCapacity":90,"over4h":40,"over12h":9,
             "decisionToAdmitWaiting":22,"dtaOver8h":7,"majorsResusOccupied":30,"majorsResusCapacity":32,
             "ambulancesQueued":6,"attendancesSinceMidnight":180,"breachesSinceMidnight":60}
            """.formatted(at, 100 + Math.abs(unique.hashCode() % 50)), "feeds.ed-snapshot.v1"),
        new Example("ed-attendance", "/v1/ed/attendances", """
            {"attendanceId":"att-%s","siteCode":"RXN02","event":"ARRIVAL","at":"%s","arrivalMode":"AMBULANCE","acuity":2}
            """.formatted(unique, at), "feeds.ed-attendance.v1"),
        new Example("ambulance-handover", "/v1/ambulance/handovers", """
            {"incidentId":"inc-%s","siteCode":"RXN02","event":"ARRIVED","at":"%s"}
            """.formatted(unique, at), "feeds.ambulance-handover.v1"),
        new Example("bed-state", "/v1/beds/states", """
            {"siteCode":"RXN02","wardCode":"W%s","bedType":"GA","asAt":"%s","open":28,"occupied":27,"escalationOpen":2,"closed":1}
            """.formatted(unique.substring(0, 4).toUpperCase(), at), "feeds.bed-state.v1"),
        new Example("vaccine-stock", "/v1/vaccine/stock", """
            {"siteCode":"RXN2H","asAt":"%s","lines":[
              {"product":"Comirnaty JN.1","batch":"B%s","expiry":"%s","effectiveExpiry":"%s","vials":40,"dosesPerVial":6,
               "punctured":1,"quarantined":0}]}
            """.formatted(at, unique, today.plusDays(60), today.plusDays(20)), "feeds.vaccine-stock.v1"),
        new Example("vaccine-bookings", "/v1/vaccine/bookings", """
            {"siteCode":"RXN2H","date":"%s","product":"Comirnaty JN.1 %s","booked":120}
            """.formatted(today.plusDays(1), unique), "feeds.vaccine-bookings.v1"),
        new Example("cold-chain", "/v1/cold-chain/readings", """
            {"deviceId":"fridge-%s","siteCode":"RXN2H","at":"%s","celsius":4.6}
            """.formatted(unique, at), "feeds.cold-chain.v1"));
  }
}
