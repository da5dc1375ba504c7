/** The invoice origin the billing API declares in /v1/me: server links may lead there besides the API itself. */
export const sql = `
ALTER TABLE account ADD COLUMN hosted_invoice_origin TEXT;
`;
