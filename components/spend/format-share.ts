/** "93.4%" from a fraction string ("0.934512"), rounded half up to a tenth of a percent, without floats. */
export function formatShare(fraction: string): string {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(fraction.trim());
  if (!match) return "—";
  const [, sign = "", whole = "0", decimals = ""] = match;
  const thousandths = BigInt(whole) * 1000n + BigInt((decimals + "000").slice(0, 3));
  const roundUp = decimals.length > 3 && Number(decimals[3]) >= 5;
  const value = thousandths + (roundUp ? 1n : 0n);
  return `${sign}${value / 10n}.${value % 10n}%`;
}
