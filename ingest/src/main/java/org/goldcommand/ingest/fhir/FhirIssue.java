package org.goldcommand.ingest.fhir;

import java.util.Collection;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One thing wrong with a FHIR submission, as it will appear in the {@code OperationOutcome}: the
 * HTTP status it calls for, the FHIR issue type, where it is (a FHIRPath such as
 * {@code Encounter.period.start}, or null for the request as a whole) and what is wrong. FHIR
 * clients show {@code issue.expression} beside the element, so every issue names one when it can.
 *
 * @param status the HTTP status this issue alone would earn (400, 403, 413, 415 or 422)
 * @param type the OperationOutcome issue type
 * @param expression FHIRPath of the offending element, or null
 * @param message what is wrong, in words a trust's integration engineer can act on
 */
public record FhirIssue(int status, IssueType type, String expression, String message) {

  /** The element is not valid FHIR (wrong shape, unknown element, bad value). */
  public static FhirIssue invalid(String expression, String message) {
    return new FhirIssue(400, IssueType.INVALID, expression, message);
  }

  /** An element the resource needs is missing. */
  public static FhirIssue required(String expression, String message) {
    return new FhirIssue(400, IssueType.REQUIRED, expression, message);
  }

  /** Valid FHIR, but not something Gold Command can take as an A&amp;E attendance. */
  public static FhirIssue business(String expression, String message) {
    return new FhirIssue(422, IssueType.BUSINESSRULE, expression, message);
  }

  /** The same issue found at another place: its FHIRPath re-rooted from {@code from} to {@code to}. */
  public FhirIssue rebased(String from, String to) {
    if (expression == null || !expression.startsWith(from)) {
      return expression == null ? new FhirIssue(status, type, to, message) : this;
    }
    return new FhirIssue(status, type, to + expression.substring(from.length()), message);
  }

  /**
   * The one status for several issues, as the JSON feeds choose it: any invalid input makes the
   * whole answer 400, else any forbidden site 403, else 422.
   */
  public static int statusOf(Collection<FhirIssue> issues) {
    if (issues.stream().anyMatch(i -> i.status() == 413)) {
      return 413;
    }
    if (issues.stream().anyMatch(i -> i.status() == 400)) {
      return 400;
    }
    return issues.stream().anyMatch(i -> i.status() == 403) ? 403 : 422;
  }
}
