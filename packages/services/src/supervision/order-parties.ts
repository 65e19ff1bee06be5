/**
 * Who acts for which side of a 督办单 (issue 8 §2). Core `actsFor` matches unit and, when the party names
 * one, department; here the roles narrow it: only the addressed unit's own users (department users only
 * for orders addressed to their department) may respond; only a user of the issuing level who may issue
 * (provincial administrator, city or county user — not a department, not an analyst) may review, verify
 * or close; the analyst is read-only.
 */
import { actsFor, type Actor, type OrderActor, type OrderParty } from '@suocha/core';

const ISSUING_ROLES: ReadonlySet<Actor['role']> = new Set(['province_admin', 'city', 'county']);

export function orderActorOf(a: Actor): OrderActor {
  return {
    id: String(a.userId),
    unit: a.scopeUnit,
    ...(a.department === null ? {} : { department: a.department }),
  };
}

/** Whether the actor may respond for the addressee. */
export function respondsFor(a: Actor, p: OrderParty): boolean {
  return (
    a.role !== 'province_analyst' && actsFor(orderActorOf(a), p) && (p.department ?? null) === a.department
  );
}

/** Whether the actor may issue orders at all (and for which unit: its scope unit). */
export function mayIssue(a: Actor): boolean {
  return ISSUING_ROLES.has(a.role) && a.department === null;
}

/** Whether the actor is of the issuing level of the order (may approve, send back, verify, close). */
export function isIssuerLevel(a: Actor, issuer: OrderParty): boolean {
  return mayIssue(a) && actsFor(orderActorOf(a), issuer) && issuer.department === undefined;
}
