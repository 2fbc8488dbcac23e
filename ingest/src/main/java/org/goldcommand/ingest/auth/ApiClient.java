package org.goldcommand.ingest.auth;

import java.util.Set;

/**
 * A feed client identified by its API key: a trust's system, the simulator, a partner. It may
 * submit only for the organisations it is bound to.
 *
 * @param name who the key was issued to, for logs and the audit trail
 * @param organisations ODS codes it may submit for
 */
public record ApiClient(String name, Set<String> organisations) {

  public ApiClient {
    organisations = Set.copyOf(organisations);
  }

  /** Whether this client may submit data about the organisation. */
  public boolean mayActFor(String orgCode) {
    return organisations.contains(orgCode);
  }
}
