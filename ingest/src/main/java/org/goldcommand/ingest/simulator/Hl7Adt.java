package org.goldcommand.ingest.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes HL7 v2.5.1 ADT messages as a trust's patient administration system sends them to a bed
 * management listener: A01 admit, A02 transfer, A03 discharge. {@code MSH-4} (sending facility)
 * is the trust's ODS code, {@code MSH-10} the control id ingest de-duplicates on, {@code PV1-3}
 * the bed as ward^room^bed^site, {@code PV1-19} a pseudonymous visit number. The {@code PID}
 * segment the message structure requires carries its set id only: no name, no NHS number, no
 * date of birth, no address, because Gold Command needs none of them.
 */
final class Hl7Adt {

  /** Where a patient is: the ward (point of care), room (bay), bed and site (facility). */
  record Location(String ward, String room, String bed, String site) {

    String field() {
      return ward + "^" + room + "^" + bed + "^" + site;
    }
  }

  /** ADT trigger events the simulator sends. */
  enum Trigger { A01, A02, A03 }

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

  private Hl7Adt() {}

  /**
   * One ADT message.
   *
   * @param trigger what happened
   * @param sendingFacility the trust's ODS code
   * @param controlId the message control id, unique per sender
   * @param at when it happened (EVN-2, EVN-6 and MSH-7)
   * @param location where the patient is afterwards (for a discharge, the bed left)
   * @param prior for a transfer, where the patient was
   * @param visit the pseudonymous visit number
   * @param admissionType PV1-4: E emergency, U urgent, R routine
   */
  static String message(Trigger trigger, String sendingFacility, String controlId, Instant at, Location location,
      Location prior, String visit, String admissionType) {
    String ts = TS.format(at);
    String structure = trigger == Trigger.A02 ? "ADT_A02" : trigger == Trigger.A03 ? "ADT_A03" : "ADT_A01";
    String[] pv1 = new String[46];
    java.util.Arrays.fill(pv1, "");
    pv1[0] = "PV1";
    pv1[1] = "1";
    pv1[2] = "I";
    pv1[3] = location.field();
    pv1[4] = admissionType;
    pv1[6] = prior == null ? "" : prior.field();
    pv1[19] = visit;
    pv1[44] = trigger == Trigger.A01 ? ts : "";
    pv1[45] = trigger == Trigger.A03 ? ts : "";
    return String.join("\r",
        "MSH|^~\\&|SIMPAS|" + sendingFacility + "|GOLDCOMMAND|GOLDCOMMAND|" + ts + "||ADT^" + trigger + "^" + structure
            + "|" + controlId + "|P|2.5.1|||AL|NE",
        "EVN|" + trigger + "|" + ts + "||||" + ts,
        "PID|1",
        String.join("|", pv1).replaceAll("\\|+$", "")) + "\r";
  }
}
