/**
 * The client list's Balance column ranks by how much of the monthly allocation
 * is left, not by raw tokens: 5,000 tokens is plenty on a 10,000 plan and
 * almost nothing on a 200,000 one. The old raw-token index is replaced.
 */
export const sql = `
DROP INDEX clients_by_balance;
CREATE INDEX clients_by_share_left ON clients ((balance_total * 1.0 / max(plan_tokens_per_cycle, 1)), id);
`;
