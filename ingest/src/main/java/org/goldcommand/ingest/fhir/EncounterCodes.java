package org.goldcommand.ingest.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goldcommand.events.ed.AttendanceEvent.ArrivalMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Type;

/**
 * How an Encounter says how the patient arrived and how urgent they are. R4 has no element for
 * either, so trusts use the Emergency Care Data Set's SNOMED CT codes (arrival mode, acuity) in an
 * extension, in {@code hospitalization.admitSource} or in {@code priority}, or the v3 priority
 * codes; these are read here, and anything unrecognised is "not known" rather than an error.
 */
final class EncounterCodes {

  static final String SNOMED = "http://snomed.info/sct";
  static final String V3_ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";

  /** ECDS EMERGENCY CARE ARRIVAL MODE (SNOMED CT). */
  static final Map<String, ArrivalMode> ARRIVAL_MODES = Map.of(
      "1048031000000100", ArrivalMode.AMBULANCE,  // emergency road ambulance
      "1048041000000109", ArrivalMode.AMBULANCE,  // emergency road ambulance with medical escort
      "1048021000000102", ArrivalMode.AMBULANCE,  // non-emergency road ambulance
      "1048051000000107", ArrivalMode.AMBULANCE,  // helicopter air ambulance
      "1048081000000101", ArrivalMode.AMBULANCE,  // medical repatriation air ambulance
      "1048061000000105", ArrivalMode.WALK_IN,    // public transport
      "1048071000000103", ArrivalMode.WALK_IN,    // own transport
      "1048001000000106", ArrivalMode.OTHER,      // police transport
      "1047991000000102", ArrivalMode.OTHER);     // prison transport

  /** ECDS EMERGENCY CARE ACUITY (SNOMED CT): 1 immediate to 5 low acuity. */
  static final Map<String, Integer> ACUITIES = Map.of(
      "1064891000000107", 1,
      "1064911000000105", 2,
      "1064901000000108", 3,
      "1077241000000103", 4,
      "1077251000000100", 5);

  /** v3-ActPriority codes with a fair place on the five-point emergency care scale. */
  static final Map<String, Integer> PRIORITIES = Map.of("S", 1, "EM", 2, "UR", 3, "A", 3, "R", 4, "EL", 5);

  private EncounterCodes() {}

  /** A value and the FHIRPath it was read from. */
  record Found<T>(T value, String path) {}

  /**
   * How the patient arrived: an extension whose URL names arrival mode, then
   * {@code hospitalization.admitSource}; ECDS codes first, then the words of the display text.
   */
  static Found<ArrivalMode> arrivalMode(Encounter encounter) {
    for (int i = 0; i < encounter.getExtension().size(); i++) {
      Extension extension = encounter.getExtension().get(i);
      if (urlMentions(extension, "arrivalmode", "arrival-mode")) {
        ArrivalMode mode = arrivalMode(codings(extension.getValue()));
        if (mode != null) {
          return new Found<>(mode, "Encounter.extension[" + i + "]");
        }
      }
    }
    if (encounter.getHospitalization().hasAdmitSource()) {
      CodeableConcept source = encounter.getHospitalization().getAdmitSource();
      ArrivalMode mode = arrivalMode(codings(source));
      if (mode != null) {
        return new Found<>(mode, "Encounter.hospitalization.admitSource");
      }
    }
    return new Found<>(null, "Encounter");
  }

  /**
   * How urgent the patient is, 1 to 5: an extension whose URL names acuity or triage (a code or a
   * number), then {@code priority} (ECDS acuity codes, then v3-ActPriority).
   */
  static Found<Integer> acuity(Encounter encounter) {
    for (int i = 0; i < encounter.getExtension().size(); i++) {
      Extension extension = encounter.getExtension().get(i);
      if (urlMentions(extension, "acuity", "triage")) {
        String path = "Encounter.extension[" + i + "]";
        if (extension.getValue() instanceof IntegerType number && number.getValue() != null) {
          return new Found<>(number.getValue(), path + ".value");
        }
        Integer acuity = lookUp(codings(extension.getValue()), ACUITIES, SNOMED);
        if (acuity != null) {
          return new Found<>(acuity, path);
        }
      }
    }
    List<Coding> priority = encounter.hasPriority() ? encounter.getPriority().getCoding() : List.of();
    Integer acuity = lookUp(priority, ACUITIES, SNOMED);
    if (acuity == null) {
      acuity = lookUp(priority, PRIORITIES, V3_ACT_PRIORITY);
    }
    return new Found<>(acuity, acuity == null ? "Encounter" : "Encounter.priority");
  }

  private static ArrivalMode arrivalMode(List<Coding> codings) {
    for (Coding coding : codings) {
      if (isSystem(coding, SNOMED) && ARRIVAL_MODES.containsKey(coding.getCode())) {
        return ARRIVAL_MODES.get(coding.getCode());
      }
    }
    for (Coding coding : codings) {
      ArrivalMode mode = fromWords(coding.getDisplay());
      if (mode != null) {
        return mode;
      }
    }
    return null;
  }

  /** Arrival mode from free text, for systems that send a display but a local code. */
  static ArrivalMode fromWords(String text) {
    if (text == null) {
      return null;
    }
    String words = text.toLowerCase(Locale.ROOT);
    if (words.contains("ambulance") || words.contains("helicopter")) {
      return ArrivalMode.AMBULANCE;
    }
    if (words.contains("own transport") || words.contains("public transport") || words.contains("walk")) {
      return ArrivalMode.WALK_IN;
    }
    return words.contains("police") || words.contains("prison") ? ArrivalMode.OTHER : null;
  }

  private static Integer lookUp(List<Coding> codings, Map<String, Integer> table, String system) {
    for (Coding coding : codings) {
      if (isSystem(coding, system) && table.containsKey(coding.getCode())) {
        return table.get(coding.getCode());
      }
    }
    return null;
  }

  /** Codings of a CodeableConcept or Coding value, with a concept's text as a display-only coding. */
  private static List<Coding> codings(Type value) {
    List<Coding> codings = new ArrayList<>();
    if (value instanceof CodeableConcept concept) {
      codings.addAll(concept.getCoding());
      if (concept.hasText()) {
        codings.add(new Coding().setDisplay(concept.getText()));
      }
    } else if (value instanceof Coding coding) {
      codings.add(coding);
    }
    return codings;
  }

  private static boolean isSystem(Coding coding, String system) {
    return coding.hasCode() && (system.equals(coding.getSystem()) || !coding.hasSystem());
  }

  private static boolean urlMentions(Extension extension, String... words) {
    String url = extension.getUrl() == null ? "" : extension.getUrl().toLowerCase(Locale.ROOT);
    for (String word : words) {
      if (url.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
