package org.goldcommand.ingest.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.goldcommand.ingest.fhir.EncounterCodes.Found;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Which attendance and which emergency department an Encounter is about. The attendance reference
 * is the trust's own identifier for the encounter (pseudonymous by design; never the NHS number);
 * the site is the ODS code of the department, which trusts put in {@code serviceProvider} or in
 * the identifier of a {@code location}.
 */
final class EncounterSources {

  static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

  private EncounterSources() {}

  /**
   * The attendance reference: the first current identifier with a system, else the first without
   * one, else {@code Encounter.id}. NHS numbers are never used, and a value that is also one of the
   * patient's identifiers is refused.
   */
  static Found<String> attendanceId(Encounter encounter, List<FhirIssue> issues) {
    Found<String> chosen = null;
    for (int i = 0; i < encounter.getIdentifier().size(); i++) {
      Identifier identifier = encounter.getIdentifier().get(i);
      if (!identifier.hasValue() || NHS_NUMBER.equals(identifier.getSystem())
          || identifier.getUse() == Identifier.IdentifierUse.OLD) {
        continue;
      }
      Found<String> found = new Found<>(identifier.getValue().trim(), "Encounter.identifier[" + i + "].value");
      if (identifier.hasSystem()) {
        chosen = found;
        break;
      }
      if (chosen == null) {
        chosen = found;
      }
    }
    if (chosen == null && encounter.getIdElement().hasIdPart()) {
      chosen = new Found<>(encounter.getIdElement().getIdPart(), "Encounter.id");
    }
    if (chosen == null) {
      issues.add(FhirIssue.business("Encounter.identifier",
          "is required: the trust's own reference for the attendance (or give the Encounter an id)"));
      return new Found<>(null, "Encounter.identifier");
    }
    if (patientIdentifiers(encounter).contains(chosen.value())) {
      issues.add(FhirIssue.business(chosen.path(), "is also an identifier of the patient; send the attendance's "
          + "own reference, never a patient identifier"));
    }
    return chosen;
  }

  /**
   * The department's ODS site code: candidates from {@code serviceProvider}, then from each
   * {@code location} in order (their identifiers, or those of the contained Organization or
   * Location they point to). The first that is a known site wins; if none is, the first candidate
   * is used so that the refusal names it.
   */
  static Found<String> site(Encounter encounter, Predicate<String> knownSite, List<FhirIssue> issues) {
    List<Found<String>> candidates = new ArrayList<>();
    addCandidates(encounter, encounter.getServiceProvider(), "Encounter.serviceProvider", candidates);
    for (int i = 0; i < encounter.getLocation().size(); i++) {
      addCandidates(encounter, encounter.getLocation().get(i).getLocation(),
          "Encounter.location[" + i + "].location", candidates);
    }
    for (Found<String> candidate : candidates) {
      if (knownSite.test(candidate.value())) {
        return candidate;
      }
    }
    if (candidates.isEmpty()) {
      issues.add(FhirIssue.business("Encounter.serviceProvider", "is required: the ODS site code of the "
          + "emergency department, as serviceProvider.identifier or location.location.identifier"));
      return new Found<>(null, "Encounter.serviceProvider");
    }
    return candidates.get(0);
  }

  private static void addCandidates(Encounter encounter, Reference reference, String path,
      List<Found<String>> candidates) {
    if (reference.getIdentifier().hasValue()) {
      candidates.add(new Found<>(code(reference.getIdentifier().getValue()), path + ".identifier.value"));
    }
    Resource target = reference.getResource() instanceof Resource r ? r : null;
    int index = target == null ? -1 : encounter.getContained().indexOf(target);
    if (index < 0) {
      return;
    }
    List<Identifier> identifiers = target instanceof Organization o ? o.getIdentifier()
        : target instanceof Location l ? l.getIdentifier() : List.of();
    for (int j = 0; j < identifiers.size(); j++) {
      if (identifiers.get(j).hasValue()) {
        candidates.add(new Found<>(code(identifiers.get(j).getValue()),
            "Encounter.contained[" + index + "].identifier[" + j + "].value"));
      }
    }
  }

  private static String code(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }

  /** Identifier values of the subject and of any contained Patient: to be sure none is reused. */
  private static Set<String> patientIdentifiers(Encounter encounter) {
    Set<String> values = new HashSet<>();
    if (encounter.getSubject().getIdentifier().hasValue()) {
      values.add(encounter.getSubject().getIdentifier().getValue().trim());
    }
    for (Resource contained : encounter.getContained()) {
      if (contained instanceof Patient patient) {
        patient.getIdentifier().stream().filter(Identifier::hasValue).forEach(i -> values.add(i.getValue().trim()));
      }
    }
    return values;
  }
}
