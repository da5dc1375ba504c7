/**
 * One row per client and UTC day of the credit log: what was used, granted, expired and bought, and the
 * balance at the day's end. Forecasts, charts and the dashboard read these few hundred rows per client instead
 * of scanning a million entries per view. Kept in step by the ledger repository on every insert; filled here
 * from the entries already cached.
 */
export const sql = `
CREATE TABLE client_daily_ledger (
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  used INTEGER NOT NULL,
  plan_delta INTEGER NOT NULL,
  top_up_delta INTEGER NOT NULL,
  plan_granted INTEGER NOT NULL,
  plan_expired INTEGER NOT NULL,
  bought INTEGER NOT NULL,
  purchases INTEGER NOT NULL,
  blocked INTEGER NOT NULL,
  end_seq INTEGER NOT NULL,
  end_balance INTEGER NOT NULL,
  PRIMARY KEY (client_id, day)
) STRICT, WITHOUT ROWID;

CREATE INDEX client_daily_ledger_by_day ON client_daily_ledger (day, client_id);

INSERT INTO client_daily_ledger
SELECT g.client_id, g.day, g.used, g.plan_delta, g.top_up_delta, g.plan_granted, g.plan_expired, g.bought,
       g.purchases, g.blocked, g.end_seq,
       (SELECT e.balance_after FROM ledger_entries e WHERE e.client_id = g.client_id AND e.seq = g.end_seq)
FROM (
  SELECT client_id, substr(at, 1, 10) AS day,
    sum(CASE WHEN type = 'usage' THEN -amount ELSE 0 END) AS used,
    sum(CASE WHEN bucket = 'plan' THEN amount ELSE 0 END) AS plan_delta,
    sum(CASE WHEN bucket = 'top_up' THEN amount ELSE 0 END) AS top_up_delta,
    sum(CASE WHEN type = 'plan_allocation' THEN amount ELSE 0 END) AS plan_granted,
    sum(CASE WHEN type = 'plan_expiry' THEN -amount ELSE 0 END) AS plan_expired,
    sum(CASE WHEN type IN ('top_up', 'auto_reload') THEN amount ELSE 0 END) AS bought,
    sum(type IN ('top_up', 'auto_reload')) AS purchases,
    sum(type = 'blocked') AS blocked,
    max(seq) AS end_seq
  FROM ledger_entries
  GROUP BY client_id, day
) AS g;
`;
