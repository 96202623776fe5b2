/**
 * A quick, offline guide to how guessable a new password is, shown while typing. The server has
 * the final say (it checks length, common passwords and the person's own details with zxcvbn and
 * explains any rejection); this mirrors the spirit of that check without its dictionaries.
 */

export const MIN_PASSWORD_LENGTH = 12;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: StrengthScore;
  /** "Too short", "Weak", "Fair", "Good", "Strong"; empty for an empty password. */
  label: string;
  /** What would make it stronger, when it could be. */
  hint: string | undefined;
}

/** Very common passwords and the words they are built from (all lower case). */
const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'zxcvbn',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'shadow',
  'superman',
  'batman',
  'trustno1',
  'starwars',
  'whatever',
  'freedom',
  'secret',
  'summer',
  'winter',
  'spring',
  'autumn',
  'australia',
  'sydney',
  'melbourne',
  'brisbane',
  'numeri',
  'tax',
  'refund',
  'abc123',
  'changeme',
  'default',
  'login',
  'hello',
  'love',
  'michael',
  'jessica',
  'charlie',
];

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^a-zA-Z\d]/.test(password)) pool += 33;
  return Math.max(pool, 1);
}

/** How many characters of `lower` are part of runs like "aaaa", "1234" or "qwerty" (beyond the first two). */
function patternedCharacters(lower: string): number {
  let patterned = 0;
  const repeats = lower.match(/(.)\1{2,}/g) ?? [];
  for (const run of repeats) patterned += run.length - 1;
  for (const sequence of SEQUENCES) {
    const reversed = [...sequence].reverse().join('');
    for (const source of [sequence, reversed]) {
      for (let length = source.length; length >= 4; length--) {
        let found = false;
        for (let start = 0; start + length <= source.length; start++) {
          if (lower.includes(source.slice(start, start + length))) {
            patterned += length - 1;
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
  }
  return patterned;
}

/** Parts of the person's name and email worth checking for (3+ characters). */
function personalParts(personal: readonly string[]): string[] {
  return personal
    .flatMap((value) => value.toLowerCase().split(/[@.\s_+-]+/))
    .filter((part) => part.length >= 3);
}

export function estimatePasswordStrength(
  password: string,
  personal: readonly string[] = [],
): PasswordStrength {
  if (password === '') return { score: 0, label: '', hint: undefined };
  if (password.length < MIN_PASSWORD_LENGTH) {
    const more = MIN_PASSWORD_LENGTH - password.length;
    return {
      score: 0,
      label: 'Too short',
      hint: `Add ${more} more character${more === 1 ? '' : 's'}. A short phrase of unrelated words is easy to remember.`,
    };
  }

  const lower = password.toLowerCase();
  const deLeet = lower
    .replace(/0/g, 'o')
    .replace(/[1!]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[4@]/g, 'a')
    .replace(/\$/g, 's');
  let guessable = patternedCharacters(lower);
  let usesCommon = false;
  for (const word of COMMON) {
    if (lower.includes(word) || deLeet.includes(word)) {
      guessable += word.length - 1;
      usesCommon = true;
    }
  }
  let usesPersonal = false;
  for (const part of personalParts(personal)) {
    if (lower.includes(part)) {
      guessable += part.length - 1;
      usesPersonal = true;
    }
  }

  const effectiveLength = Math.max(0, password.length - guessable);
  const bits = effectiveLength * Math.log2(poolSize(password));
  const score: StrengthScore = bits < 35 ? 1 : bits < 55 ? 2 : bits < 75 ? 3 : 4;
  const label = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'][score]!;
  let hint: string | undefined;
  if (usesPersonal) hint = 'Avoid your name or email address.';
  else if (usesCommon) hint = 'Avoid common words and patterns like “password”, “qwerty” or “1234”.';
  else if (score <= 2) hint = 'Make it longer: three or four unrelated words work well.';
  return { score, label, hint };
}
