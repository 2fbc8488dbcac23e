package org.goldcommand.ingest.hl7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The malformed corpus: messages a real feed could plausibly send wrong (cut short, wrong version
 * or type, missing segments or fields, garbage), each with the acknowledgement code and the words
 * the reason must contain. Built from one valid A01 so that each case differs from it in one way.
 */
final class Malformed {

  /** One malformed message, framed correctly; {@code controlId} is null when MSA-2 cannot be known. */
  record Case(String name, byte[] bytes, String code, String reason, String controlId) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String MSH = "MSH|^~\\&|PAS|RXN|GOLDCOMMAND|GOLDCOMMAND|20241101120000||ADT^A01^ADT_A01|%s|P|2.4";
  static final String EVN = "EVN|A01|20241101115900||||20241101115500";
  static final String PID = "PID|1||9990001234^^^NHS^NH||SMITH^John||19600101|M|||1 High Street^^Preston^^PR1 1AA";
  static final String PV1 = "PV1|1|I|WARD1^BAY1^BED1^RXN02|||PREV^^^RXN02||||||||||||VN1";

  private Malformed() {}

  static List<Case> cases(String run) {
    List<Case> cases = new ArrayList<>();
    Builder b = new Builder(run, cases);
    b.noHeader("no MSH segment", "AR", "does not start with an MSH segment", EVN, PID, PV1);
    b.noHeader("MSH cut short", "AR", "the MSH segment is cut short", "MSH|^~", PV1);
    b.noHeader("MSH-1 is a letter", "AR", "MSH-1 field separator", "MSHA^~\\&APASARXN", PV1);
    b.noHeader("MSH-2 repeats a delimiter", "AR", "MSH-2 encoding characters", "MSH|^^^^|PAS|RXN||||||1|P|2.4", PV1);
    b.noHeader("MSH-2 missing", "AR", "MSH-2 encoding characters", "MSH||PAS|RXN||||||1|P|2.4", PV1);
    for (String version : List.of("2.1", "2.2", "2.6", "2.7", "2.8", "3.0", "two point four")) {
      b.header("version " + version, "AR", "HL7 version " + version + " is not supported",
          h -> h.replace("|P|2.4", "|P|" + version));
    }
    b.header("version empty", "AR", "MSH-12 version id is empty", h -> h.replace("|P|2.4", "|P|"));
    for (String type : List.of("ORU^R01", "ORM^O01", "SIU^S12", "MDM^T02", "ACK^A01", "QRY^A19")) {
      b.header("message type " + type, "AR", "message type " + type + " is not accepted",
          h -> h.replace("ADT^A01^ADT_A01", type));
    }
    for (String trigger : List.of("A04", "A05", "A28", "A31", "A40")) {
      b.header("trigger " + trigger, "AR", "trigger event ADT^" + trigger + " is not accepted",
          h -> h.replace("ADT^A01^ADT_A01", "ADT^" + trigger));
    }
    b.header("MSH-9 empty", "AR", "message type (empty)", h -> h.replace("ADT^A01^ADT_A01", ""));
    b.header("trigger empty", "AR", "trigger event (empty)", h -> h.replace("ADT^A01^ADT_A01", "ADT"));
    b.add("MSH-10 empty", "AR", "MSH-10 message control id is empty", null, String.format(MSH, ""), EVN, PID, PV1);
    String longId = "L".repeat(300);
    b.add("MSH-10 too long", "AR", "longer than 199", longId, String.format(MSH, longId), EVN, PID, PV1);
    b.header("MSH-4 empty", "AR", "MSH-4 sending facility is empty", h -> h.replace("|PAS|RXN|", "|PAS||"));
    b.header("unknown facility", "AR", "unknown sending facility ACME", h -> h.replace("|PAS|RXN|", "|PAS|ACME|"));
    b.body("cross-organisation site", "AR", "site RXL01 belongs to RXL", EVN, PID, PV1.replace("RXN02", "RXL01"));
    b.body("unknown site", "AE", "unknown site ZZZ99", EVN, PID, PV1.replace("BED1^RXN02", "BED1^ZZZ99"));
    b.body("PV1 missing", "AE", "PV1 segment is missing", EVN, PID);
    b.body("PV1 empty", "AE", "PV1-3.1 point of care (ward) is empty", EVN, PID, "PV1");
    b.body("PV1 cut short", "AE", "PV1-3.1 point of care (ward) is empty", EVN, PID, "PV1|1|I");
    b.body("ward code too long", "AE", "longer than 64", EVN, PID, PV1.replace("WARD1", "W".repeat(100)));
    b.bodyAs("A02 without PV1-6", "ADT^A02", "AE", "PV1-6.1 prior point of care (ward) is required for A02",
        EVN, PID, PV1.replace("|||PREV^^^RXN02|", "||||"));
    b.bodyAs("A12 without PV1-6", "ADT^A12", "AE", "required for A12", EVN, PID, "PV1|1|I|WARD1^^^RXN02");
    b.body("segment cut to two letters", "AE", "segment 3 (after EVN) is broken", EVN, "PV", PV1);
    b.body("segment cut mid-name", "AE", "segment 4 (after PID) is broken", EVN, PID, "P", PV1);
    b.body("lower-case segment id", "AE", "segment 4 (after PID) is broken", EVN, PID, PV1.toLowerCase());
    b.body("segment id with no field separator", "AE", "is broken", EVN, PID, "PV1^1^I", PV1);
    b.body("binary garbage line", "AE", "is broken", EVN, "\u0001\u0002\u00ff\u00fe", PID, PV1);
    b.body("line break inside a field", "AE", "segment 4 (after PID) is broken", EVN,
        "PID|1||9990001234^^^NHS^NH||SMITH^John||19600101|M|||1 High", "Street^^Preston", PV1);
    b.body("EVN-2 not a timestamp", "AE", "EVN-2 recorded date/time 'notadate' is not a timestamp",
        "EVN|A01|notadate", PID, PV1);
    b.body("EVN-6 date only", "AE", "EVN-6 event occurred '20241101' is not a timestamp",
        "EVN|A01|20241101115900||||20241101", PID, PV1);
    b.body("EVN-6 month 13", "AE", "EVN-6 event occurred '20241301115500'", "EVN|A01|||||20241301115500", PID, PV1);
    b.body("EVN-6 in the future", "AE", "is in the future", "EVN|A01|||||20991101115500", PID, PV1);
    b.add("MSH-7 not a timestamp and no EVN", "AE", "MSH-7 date/time of message 'yesterday'", b.id("T1"),
        String.format(MSH, b.id("T1")).replace("20241101120000", "yesterday"), PID, PV1);
    b.add("no time anywhere", "AE", "no event time", b.id("T2"),
        String.format(MSH, b.id("T2")).replace("20241101120000", ""),
        PID, PV1);
    b.body("two messages in one frame", "AE", "more than one message", EVN, PID, PV1, String.format(MSH, "X"), EVN,
        PV1);
    b.noHeader("HL7 batch header", "AR", "does not start with an MSH segment", "FHS|^~\\&|PAS|RXN",
        "BHS|^~\\&|PAS|RXN", String.format(MSH, "B1"), EVN, PV1, "BTS|1", "FTS|1");
    b.noHeader("HL7 v2 XML", "AR", "does not start with an MSH segment",
        "<ADT_A01 xmlns=\"urn:hl7-org:v2xml\"><MSH><MSH.1>|</MSH.1></MSH></ADT_A01>");
    b.noHeader("JSON", "AR", "does not start with an MSH segment", "{\"resourceType\": \"Encounter\"}");
    b.noHeader("FHIR-looking text", "AR", "does not start with an MSH segment", "Encounter/123");
    b.raw("empty frame", new byte[0], "AR", "the frame is empty");
    b.raw("whitespace-only frame", "\r\n \r\n".getBytes(StandardCharsets.US_ASCII), "AR", "the frame is empty");
    b.raw("garbage bytes", new byte[] {(byte) 0xFF, (byte) 0xD8, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, (byte) 0x80},
        "AR", "does not start with an MSH segment");
    return cases;
  }

  /** Builds cases from the valid A01, each with its own control id for this run. */
  private static final class Builder {
    private final String run;
    private final List<Case> cases;
    private int n;

    Builder(String run, List<Case> cases) {
      this.run = run;
      this.cases = cases;
    }

    String id(String base) {
      return "BAD-" + base + "-" + run;
    }

    void add(String name, String code, String reason, String controlId, String... segments) {
      cases.add(new Case(name, bytes(segments), code, reason, controlId));
    }

    void header(String name, String code, String reason, java.util.function.UnaryOperator<String> change) {
      String controlId = id(String.valueOf(++n));
      cases.add(new Case(name, bytes(change.apply(String.format(MSH, controlId)), EVN, PID, PV1), code, reason,
          controlId));
    }

    void body(String name, String code, String reason, String... segments) {
      bodyAs(name, "ADT^A01^ADT_A01", code, reason, segments);
    }

    void bodyAs(String name, String type, String code, String reason, String... segments) {
      String controlId = id(String.valueOf(++n));
      String[] all = new String[segments.length + 1];
      all[0] = String.format(MSH, controlId).replace("ADT^A01^ADT_A01", type);
      System.arraycopy(segments, 0, all, 1, segments.length);
      cases.add(new Case(name, bytes(all), code, reason, controlId));
    }

    void noHeader(String name, String code, String reason, String... segments) {
      cases.add(new Case(name, bytes(segments), code, reason, null));
    }

    void raw(String name, byte[] bytes, String code, String reason) {
      cases.add(new Case(name, bytes, code, reason, null));
    }

    private static byte[] bytes(String... segments) {
      return (String.join("\r", segments) + "\r").getBytes(StandardCharsets.ISO_8859_1);
    }
  }
}
