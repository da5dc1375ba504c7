/** Text relayed from the billing service may lack a full stop; sentences shown one after another need one. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
