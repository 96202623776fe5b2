/**
 * Tax file number check digit. Nine digits weighted 1, 4, 3, 7, 5, 8, 6, 9, 10 must sum to a
 * multiple of 11; legacy eight-digit TFNs use 10, 7, 8, 4, 6, 3, 5, 1.
 * Sources: "The secret life of TFNs" (ATO-sourced), harper.com.au/news/2017/11/10/the-secret-life-of-tfns;
 * python-stdnum stdnum/au/tfn.py. The eight-digit weights are less certain (several variants exist).
 */
const WEIGHTS_9 = [1, 4, 3, 7, 5, 8, 6, 9, 10];
const WEIGHTS_8 = [10, 7, 8, 4, 6, 3, 5, 1];

export function isValidTfn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return false;
  const weights = digits.length === 9 ? WEIGHTS_9 : WEIGHTS_8;
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return sum % 11 === 0;
}

/** "*** *** 782": enough to recognise, never enough to use. */
export function maskTfn(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `*** *** ${digits.slice(-3)}`;
}
