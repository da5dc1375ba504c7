/** The agency's saved card's last decline from /v1/me: it stops every client's charges, so it is shown app-wide. */
export const sql = `
ALTER TABLE account ADD COLUMN card_declined_json TEXT;
`;
